package org.sanjeh.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;

/**
 * A real ClickHouse server for integration tests: one per test run (started on first use on free
 * loopback ports with a temporary data folder, stopped when the run ends), and one fresh database
 * per test class with Sanjeh's schema applied. Test methods and constructors receive the class's
 * {@link Warehouse} as a parameter; {@link #server()} gives the server itself.
 */
public final class ClickHouseExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClickHouseExtension.class);

  private static ClickHouseServer server;

  /** The run's server, started on first call. */
  public static synchronized ClickHouseServer server(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "server", key -> new RunningServer(startServer()), RunningServer.class);
    return server;
  }

  /**
   * The run's server once {@code beforeAll} has started it: for Spring tests, whose
   * {@code @DynamicPropertySource} suppliers are read after the extensions ran.
   */
  public static synchronized ClickHouseServer runningServer() {
    if (server == null) {
      throw new IllegalStateException(
          "the test ClickHouse server is not started: add @ExtendWith(ClickHouseExtension.class)");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ClickHouseServer running = server(context);
    String database =
        "it_%s_%04d"
            .formatted(
                context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT),
                ThreadLocalRandom.current().nextInt(10_000));
    Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(running, database));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    context.getStore(NAMESPACE).put("warehouse", warehouse);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Warehouse.class || type == ClickHouseServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == ClickHouseServer.class) {
      return server(context);
    }
    return context.getStore(NAMESPACE).get("warehouse", Warehouse.class);
  }

  private static ClickHouseServer startServer() {
    try {
      Path home = Files.createTempDirectory("sanjeh-clickhouse-it-");
      server = ClickHouseServer.start(home, 0, 0);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the test ClickHouse server: " + e.getMessage(), e);
    }
  }

  /** Stops the server and deletes its folder when the test run ends. */
  private record RunningServer(ClickHouseServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException {
      server.stop();
      try (Stream<Path> files = Files.walk(server.home())) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** How clients reach {@code database} on {@code server}. */
  public static WarehouseConfig config(ClickHouseServer server, String database) {
    return new WarehouseConfig(
        "127.0.0.1", server.httpPort(), database, "default", server.password());
  }
}
