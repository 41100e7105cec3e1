package org.sanjeh.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.util.Hashes;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.testbed.LocalService;
import org.sanjeh.warehouse.WarehouseConfig;

/**
 * The demo's installation on this machine: the checkout, its {@code var/} folder, the fixed
 * loopback ports (each overridable by its environment variable) and the environment every child JVM
 * gets.
 */
public final class Local {

  final Checkout checkout;
  final Map<String, String> env;
  final int clickhouseHttpPort;
  final int clickhouseTcpPort;
  final int kafkaPort;
  final int kafkaControllerPort;
  final int intakePort;
  final int intakeManagementPort;

  Local(Checkout checkout, Map<String, String> env) {
    this.checkout = checkout;
    this.env = env;
    this.clickhouseHttpPort = port("SANJEH_CLICKHOUSE_HTTP_PORT", 18123);
    this.clickhouseTcpPort = port("SANJEH_CLICKHOUSE_TCP_PORT", 19000);
    this.kafkaPort = port("SANJEH_KAFKA_PORT", 19092);
    this.kafkaControllerPort = port("SANJEH_KAFKA_CONTROLLER_PORT", 19093);
    this.intakePort = port("SANJEH_INTAKE_PORT", 18080);
    this.intakeManagementPort = port("SANJEH_INTAKE_MANAGEMENT_PORT", 18081);
  }

  static Local current() {
    return new Local(Checkout.current(), System.getenv());
  }

  Path var() {
    return checkout.var();
  }

  Path clickhouseHome() {
    return var().resolve("clickhouse");
  }

  Path kafkaHome() {
    return var().resolve("kafka");
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  LocalService service(String name) {
    return new LocalService(name, var());
  }

  /** The local ClickHouse's password: SANJEH_CLICKHOUSE_PASSWORD, else var/clickhouse/password. */
  String clickhousePassword() {
    String password = env.get("SANJEH_CLICKHOUSE_PASSWORD");
    if (password != null && !password.isEmpty()) {
      return password;
    }
    Path file = clickhouseHome().resolve("password");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "no local ClickHouse yet: run ./sanjeh clickhouse start first.");
    }
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WarehouseConfig warehouse() {
    return new WarehouseConfig(
        "127.0.0.1",
        clickhouseHttpPort,
        env.getOrDefault("SANJEH_CLICKHOUSE_DATABASE", WarehouseConfig.DEFAULT_DATABASE),
        "default",
        clickhousePassword());
  }

  /** What every child JVM (a module's command, a service) finds in its environment. */
  Map<String, String> childEnvironment() {
    Map<String, String> child = new HashMap<>();
    child.put("SANJEH_CLICKHOUSE_HTTP_PORT", Integer.toString(clickhouseHttpPort));
    Path passwordFile = clickhouseHome().resolve("password");
    if (env.getOrDefault("SANJEH_CLICKHOUSE_PASSWORD", "").isEmpty()
        && Files.exists(passwordFile)) {
      child.put("SANJEH_CLICKHOUSE_PASSWORD_FILE", passwordFile.toString());
    }
    child.put("SANJEH_KAFKA_BOOTSTRAP", kafkaBootstrap());
    child.put("SANJEH_KAFKA_LIB", checkout.lib("kafka-broker").toString());
    child.put("SANJEH_INTAKE_PORT", Integer.toString(intakePort));
    return child;
  }

  /**
   * A secret of the demo's, generated once into {@code var/FOLDER/NAME} (mode 600); services get
   * only its hash where they can.
   */
  String secret(String folder, String name) {
    Path file = var().resolve(folder).resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        Files.writeString(file, java.util.HexFormat.of().formatHex(bytes));
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the secret " + file + ": " + e.getMessage(), e);
    }
  }

  String intakeKey() {
    return secret("intake", "api-key");
  }

  static String hash(String secret) {
    return Hashes.sha256Hex(secret);
  }

  /** The launcher's "==> message" lines, on stderr as before. */
  static void say(String message) {
    System.err.println("==> " + message);
  }

  static void say(PrintStream out, String message) {
    out.println("==> " + message);
  }

  static List<String> java(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of(ModuleJvm.java()));
    command.addAll(List.of(arguments));
    return command;
  }

  private int port(String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "='" + value + "' is not a port number");
    }
  }
}
