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
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.superset.SupersetBundle;
import org.sanjeh.dashboards.superset.SupersetTarget;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.cli.CliOptions;

/**
 * {@code ./sanjeh dashboards export --output FILE.zip}: writes the Superset import bundle. Where
 * Superset reaches ClickHouse defaults to the warehouse's environment ({@code
 * SANJEH_CLICKHOUSE_HOST}, {@code _HTTP_PORT}, {@code _DATABASE}, {@code _USER}); the local days
 * are in {@code SANJEH_BUSINESS_TIMEZONE} (UTC by default).
 */
public final class DashboardsCli {

  private static final String USAGE =
      "usage: dashboards export --output FILE.zip [--host H] [--port 8123] [--database sanjeh]"
          + " [--user U] [--with-password true]";

  private DashboardsCli() {}

  public static void main(String[] args) {
    try {
      System.exit(run(List.of(args), System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(List<String> args, Map<String, String> env) {
    if (args.isEmpty() || !args.get(0).equals("export")) {
      throw new IllegalArgumentException(USAGE);
    }
    Map<String, String> options = CliOptions.parse(args.subList(1, args.size()));
    for (String name : options.keySet()) {
      if (!List.of("output", "host", "port", "database", "user", "with-password").contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; " + USAGE);
      }
    }
    String output = options.get("output");
    if (output == null) {
      throw new IllegalArgumentException("--output FILE.zip is required; " + USAGE);
    }
    Definitions definitions = DefinitionLoader.bundled();
    SupersetTarget target = target(options, env);
    Path file = Path.of(output).toAbsolutePath();
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
    return 0;
  }

  static SupersetTarget target(Map<String, String> options, Map<String, String> env) {
    WarehouseConfig warehouse = WarehouseConfig.fromEnvironment(env);
    String port = options.getOrDefault("port", Integer.toString(warehouse.httpPort()));
    int httpPort;
    try {
      httpPort = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port '" + port + "' is not a port number", e);
    }
    boolean withPassword = Boolean.parseBoolean(options.getOrDefault("with-password", "false"));
    return new SupersetTarget(
        options.getOrDefault("host", warehouse.host()),
        httpPort,
        options.getOrDefault("database", warehouse.database()),
        options.getOrDefault("user", warehouse.user()),
        ZoneId.of(env.getOrDefault("SANJEH_BUSINESS_TIMEZONE", "UTC")),
        withPassword ? Optional.of(warehouse.password()) : Optional.empty());
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
