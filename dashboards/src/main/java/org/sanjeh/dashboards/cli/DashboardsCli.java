package org.sanjeh.dashboards.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.superset.SupersetBundle;
import org.sanjeh.dashboards.superset.SupersetTarget;
import org.sanjeh.warehouse.WarehouseConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./sanjeh dashboards export --output FILE.zip}: writes the Superset import bundle. Where
 * Superset reaches ClickHouse defaults to the warehouse's environment ({@code
 * SANJEH_CLICKHOUSE_HOST}, {@code _HTTP_PORT}, {@code _DATABASE}, {@code _USER}); the local days
 * are in {@code SANJEH_BUSINESS_TIMEZONE} (UTC by default).
 */
@Command(
    name = "dashboards",
    description = "The Live service and Experience dashboards.",
    mixinStandardHelpOptions = true,
    subcommands = {DashboardsCli.Export.class, ServeCommand.class})
public final class DashboardsCli {

  public static void main(String[] args) {
    Commands.main(new DashboardsCli(), args);
  }

  /** Runs {@code args} (e.g. {@code export --output F}) with {@code env} as the environment. */
  static int run(List<String> args, Map<String, String> env) {
    CommandLine commandLine = Commands.commandLine(new DashboardsCli());
    commandLine.getSubcommands().get("export").<Export>getCommand().env = env;
    return commandLine.execute(args.toArray(String[]::new));
  }

  @Command(
      name = "export",
      description = "Write the dashboards as an Apache Superset import bundle.",
      mixinStandardHelpOptions = true)
  static final class Export implements Callable<Integer> {

    @Option(
        names = "--output",
        paramLabel = "FILE.zip",
        description = "Where to write the bundle (required).")
    Path output;

    @Option(
        names = "--host",
        paramLabel = "H",
        description = "ClickHouse host as Superset reaches it (default: SANJEH_CLICKHOUSE_HOST).")
    String host;

    @Option(
        names = "--port",
        paramLabel = "P",
        description = "ClickHouse HTTP port (default: SANJEH_CLICKHOUSE_HTTP_PORT, else 8123).")
    Integer port;

    @Option(
        names = "--database",
        paramLabel = "DB",
        description = "ClickHouse database (default: SANJEH_CLICKHOUSE_DATABASE, else sanjeh).")
    String database;

    @Option(
        names = "--user",
        paramLabel = "U",
        description = "ClickHouse user (default: SANJEH_CLICKHOUSE_USER, else default).")
    String user;

    @Option(
        names = "--with-password",
        arity = "1",
        paramLabel = "true|false",
        defaultValue = "false",
        showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
        description = "Put the ClickHouse password into the bundle (keep the file private).")
    boolean withPassword;

    Map<String, String> env = System.getenv();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (output == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--output FILE.zip is required: where to write the bundle");
      }
      Definitions definitions = DefinitionLoader.bundled();
      SupersetTarget target = target(env);
      Path file = output.toAbsolutePath();
      write(new SupersetBundle(definitions, target, OffsetDateTime.now(ZoneOffset.UTC)), file);
      System.err.printf(
          "wrote %s: %d dashboards, %d datasets, for %s (%s)%n",
          file,
          definitions.dashboards().size(),
          definitions.datasets().size(),
          target.host() + ":" + target.port() + "/" + target.database(),
          target.password().isPresent()
              ? "password included: keep the file private"
              : "password masked");
      return Commands.OK;
    }

    SupersetTarget target(Map<String, String> env) {
      WarehouseConfig warehouse = WarehouseConfig.fromEnvironment(env);
      return new SupersetTarget(
          Optional.ofNullable(host).orElse(warehouse.host()),
          Optional.ofNullable(port).orElse(warehouse.httpPort()),
          Optional.ofNullable(database).orElse(warehouse.database()),
          Optional.ofNullable(user).orElse(warehouse.user()),
          ZoneId.of(env.getOrDefault("SANJEH_BUSINESS_TIMEZONE", "UTC")),
          withPassword ? Optional.of(warehouse.password()) : Optional.empty());
    }
  }

  /** Writes next to the target and renames, so a failed export never leaves half a bundle. */
  private static void write(SupersetBundle bundle, Path file) {
    try {
      Path parent = file.getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        bundle.writeZip(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
