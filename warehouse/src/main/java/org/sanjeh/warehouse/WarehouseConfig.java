package org.sanjeh.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the warehouse is and how to log in. Secrets never live in code: the password comes from
 * {@code SANJEH_CLICKHOUSE_PASSWORD} or from the file named by {@code
 * SANJEH_CLICKHOUSE_PASSWORD_FILE}.
 */
public record WarehouseConfig(
    String host, int httpPort, String database, String user, String password) {

  public static final String DEFAULT_DATABASE = "sanjeh";

  public WarehouseConfig {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "database name '" + database + "' must be letters, digits and underscores");
    }
  }

  /**
   * Reads {@code SANJEH_CLICKHOUSE_HOST} (127.0.0.1), {@code _HTTP_PORT} (8123), {@code _DATABASE}
   * (sanjeh), {@code _USER} (default) and the password as above (empty when neither is set).
   */
  public static WarehouseConfig fromEnvironment(Map<String, String> env) {
    String port = env.getOrDefault("SANJEH_CLICKHOUSE_HTTP_PORT", "8123");
    int httpPort;
    try {
      httpPort = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SANJEH_CLICKHOUSE_HTTP_PORT='" + port + "' is not a port number", e);
    }
    return new WarehouseConfig(
        env.getOrDefault("SANJEH_CLICKHOUSE_HOST", "127.0.0.1"),
        httpPort,
        env.getOrDefault("SANJEH_CLICKHOUSE_DATABASE", DEFAULT_DATABASE),
        env.getOrDefault("SANJEH_CLICKHOUSE_USER", "default"),
        password(env));
  }

  /** The inverse of {@link #fromEnvironment}: the variables that give this configuration. */
  public Map<String, String> toEnvironment() {
    return Map.of(
        "SANJEH_CLICKHOUSE_HOST", host(),
        "SANJEH_CLICKHOUSE_HTTP_PORT", Integer.toString(httpPort()),
        "SANJEH_CLICKHOUSE_DATABASE", database(),
        "SANJEH_CLICKHOUSE_USER", user(),
        "SANJEH_CLICKHOUSE_PASSWORD", password());
  }

  /**
   * The password as {@link #fromEnvironment} reads it: {@code SANJEH_CLICKHOUSE_PASSWORD}, else the
   * file named by {@code SANJEH_CLICKHOUSE_PASSWORD_FILE} (stripped), else empty.
   */
  public static String passwordFrom(Map<String, String> env) {
    return password(env);
  }

  private static String password(Map<String, String> env) {
    if (env.containsKey("SANJEH_CLICKHOUSE_PASSWORD")) {
      return env.get("SANJEH_CLICKHOUSE_PASSWORD");
    }
    String file = env.get("SANJEH_CLICKHOUSE_PASSWORD_FILE");
    if (file == null) {
      return "";
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read SANJEH_CLICKHOUSE_PASSWORD_FILE=" + file + ": " + e.getMessage(), e);
    }
  }

  public WarehouseConfig withDatabase(String otherDatabase) {
    return new WarehouseConfig(host, httpPort, otherDatabase, user, password);
  }

  /** For logs and messages: never shows the password. */
  public String describe() {
    return "ClickHouse at http://%s:%d database %s as %s".formatted(host, httpPort, database, user);
  }

  @Override
  public String toString() {
    return describe();
  }
}
