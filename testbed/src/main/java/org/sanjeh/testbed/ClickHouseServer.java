package org.sanjeh.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.sanjeh.core.util.Hashes;

/**
 * A private ClickHouse server process under one home folder, listening on loopback only. Used by
 * the integration tests (a temporary home, free ports) and by {@code ./sanjeh clickhouse start}
 * (home {@code var/clickhouse}). The server runs the OS package's {@code clickhouse-server} binary
 * with a config rendered from this package's templates; it keeps running after the JVM that started
 * it exits, and {@link #stop(Path)} ends it by its pid file.
 *
 * <p>Files under the home: {@code config.xml}, {@code users.xml}, {@code password} (mode 600),
 * {@code server.properties} (ports and pid), {@code data/}, {@code log/}.
 */
public final class ClickHouseServer {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final List<String> BINARY_CANDIDATES =
      List.of("/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server");

  private final Path home;
  private final int httpPort;
  private final int tcpPort;
  private final long pid;
  private final String password;

  private ClickHouseServer(Path home, int httpPort, int tcpPort, long pid, String password) {
    this.home = home;
    this.httpPort = httpPort;
    this.tcpPort = tcpPort;
    this.pid = pid;
    this.password = password;
  }

  /**
   * Starts a server under {@code home}, or returns the one already running there. A port of 0 picks
   * a free one. The password is read from {@code home/password}, generated on first start.
   */
  public static ClickHouseServer start(Path home, int httpPort, int tcpPort) throws IOException {
    home = home.toAbsolutePath().normalize();
    Optional<ClickHouseServer> running = find(home);
    if (running.isPresent()) {
      return running.get();
    }
    Path binary = binary();
    for (String dir : List.of("data", "tmp", "user_files", "format_schemas", "log")) {
      Files.createDirectories(home.resolve(dir));
    }
    String password = readOrCreatePassword(home);
    int http = httpPort == 0 ? LocalProcesses.freePort() : httpPort;
    int tcp = tcpPort == 0 ? LocalProcesses.freePort() : tcpPort;
    render(
        "config.xml",
        home.resolve("config.xml"),
        Map.of(
            "home", home.toString(),
            "http_port", Integer.toString(http),
            "tcp_port", Integer.toString(tcp)));
    render(
        "users.xml", home.resolve("users.xml"), Map.of("password_sha256_hex", sha256Hex(password)));

    Process process =
        new ProcessBuilder(binary.toString(), "--config-file=" + home.resolve("config.xml"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("log/stdout.log").toFile())
            .start();
    ClickHouseServer server = new ClickHouseServer(home, http, tcp, process.pid(), password);
    server.writeState();
    server.awaitReady(process);
    return server;
  }

  /** The server running under {@code home}, if its pid is alive and it answers {@code /ping}. */
  public static Optional<ClickHouseServer> find(Path home) throws IOException {
    home = home.toAbsolutePath().normalize();
    Path state = home.resolve("server.properties");
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(state)) {
      props.load(in);
    }
    long pid = Long.parseLong(props.getProperty("pid"));
    ClickHouseServer server =
        new ClickHouseServer(
            home,
            Integer.parseInt(props.getProperty("http_port")),
            Integer.parseInt(props.getProperty("tcp_port")),
            pid,
            readOrCreatePassword(home));
    boolean alive = LocalProcesses.alive(pid);
    return alive && server.ping() ? Optional.of(server) : Optional.empty();
  }

  /** Stops the server under {@code home}; returns false if none was running. */
  public static boolean stop(Path home) throws IOException {
    Optional<ClickHouseServer> server = find(home);
    server.ifPresent(ClickHouseServer::stop);
    return server.isPresent();
  }

  /** Sends SIGTERM, waits for a clean exit, and kills the process if it does not come. */
  public void stop() {
    LocalProcesses.terminate(pid, STOP_TIMEOUT, false);
    try {
      Files.deleteIfExists(home.resolve("server.properties"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The password of the {@code default} user (clients reach the server as it on 127.0.0.1). */
  public String password() {
    return password;
  }

  public Path home() {
    return home;
  }

  public int httpPort() {
    return httpPort;
  }

  public int tcpPort() {
    return tcpPort;
  }

  public long pid() {
    return pid;
  }

  public boolean ping() {
    try {
      HttpURLConnection http =
          (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort + "/ping").openConnection();
      http.setConnectTimeout(500);
      http.setReadTimeout(2000);
      try (InputStream body = http.getInputStream()) {
        return http.getResponseCode() == 200
            && new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("Ok");
      } finally {
        http.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private void awaitReady(Process process) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "clickhouse-server exited with code %d while starting. Last log lines:%n%s%nCheck %s; a port in use or a data folder from another ClickHouse version are the usual causes."
                .formatted(
                    process.exitValue(),
                    LocalProcesses.logTail(
                        home.resolve("log"), List.of("stdout.log", "clickhouse-server.err.log")),
                    home.resolve("log")));
      }
      if (ping()) {
        return;
      }
      LocalProcesses.sleep(Duration.ofMillis(100), "clickhouse-server");
    }
    process.destroyForcibly();
    throw new IOException(
        "clickhouse-server did not answer /ping on port %d within %ds. Last log lines:%n%s"
            .formatted(
                httpPort,
                START_TIMEOUT.toSeconds(),
                LocalProcesses.logTail(
                    home.resolve("log"), List.of("stdout.log", "clickhouse-server.err.log"))));
  }

  private void writeState() throws IOException {
    Properties props = new Properties();
    props.setProperty("pid", Long.toString(pid));
    props.setProperty("http_port", Integer.toString(httpPort));
    props.setProperty("tcp_port", Integer.toString(tcpPort));
    try (var out = Files.newOutputStream(home.resolve("server.properties"))) {
      props.store(out, "the clickhouse-server started by Sanjeh under this folder");
    }
  }

  static Path binary() throws IOException {
    String override = System.getenv("SANJEH_CLICKHOUSE_SERVER_BIN");
    Stream<String> candidates = override != null ? Stream.of(override) : BINARY_CANDIDATES.stream();
    return candidates
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IOException(
                    "clickhouse-server is not installed (looked in "
                        + (override != null ? override : String.join(", ", BINARY_CANDIDATES))
                        + "). Run ./sanjeh setup, which installs it with apt-get,"
                        + " or set SANJEH_CLICKHOUSE_SERVER_BIN."));
  }

  private static String readOrCreatePassword(Path home) throws IOException {
    Path file = home.resolve("password");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    Files.createDirectories(home);
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Files.writeString(file, password + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows file systems: the folder's own permissions protect it.
    }
    return password;
  }

  private static void render(String template, Path target, Map<String, String> values)
      throws IOException {
    String text;
    try (InputStream in = ClickHouseServer.class.getResourceAsStream(template)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    Files.writeString(target, text);
  }

  static String sha256Hex(String text) {
    return Hashes.sha256Hex(text);
  }
}
