package org.sanjeh.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka broker in KRaft mode, run as its own process from the jars that the {@code
 * kafka-broker} module collects, with its data under one home folder and listeners on loopback
 * only. Used by {@code ./sanjeh kafka start} (home {@code var/kafka}) and by the integration tests
 * (a temporary home, free ports). It keeps running after the JVM that started it exits; {@link
 * #stop(Path)} ends it by its pid file.
 */
public final class LocalKafka {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path home;
  private final int port;
  private final long pid;

  private LocalKafka(Path home, int port, long pid) {
    this.home = home;
    this.port = port;
    this.pid = pid;
  }

  /**
   * Starts a broker under {@code home} (formatting it on first use), or returns the running one.
   */
  public static LocalKafka start(Path home, int port, int controllerPort) throws IOException {
    home = home.toAbsolutePath().normalize();
    Optional<LocalKafka> running = find(home);
    if (running.isPresent()) {
      return running.get();
    }
    Path lib = brokerLibrary();
    Files.createDirectories(home.resolve("log"));
    int brokerPort = port == 0 ? LocalProcesses.freePort() : port;
    int controller = controllerPort == 0 ? LocalProcesses.freePort() : controllerPort;
    writeServerProperties(home, brokerPort, controller);
    writeLogConfig(home);
    if (!Files.exists(home.resolve("data/meta.properties"))) {
      format(home, lib);
    }
    Process process =
        new ProcessBuilder(
                javaBinary(),
                "-Xmx1g",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp",
                lib + "/*",
                "kafka.Kafka",
                home.resolve("server.properties").toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("log/kafka.out").toFile())
            .start();
    LocalKafka broker = new LocalKafka(home, brokerPort, process.pid());
    broker.writeState();
    broker.awaitReady(process);
    return broker;
  }

  /** The broker running under {@code home}, if its process is alive and it answers. */
  public static Optional<LocalKafka> find(Path home) throws IOException {
    home = home.toAbsolutePath().normalize();
    Path state = home.resolve("broker.properties");
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(state)) {
      props.load(in);
    }
    LocalKafka broker =
        new LocalKafka(
            home,
            Integer.parseInt(props.getProperty("port")),
            Long.parseLong(props.getProperty("pid")));
    boolean alive = LocalProcesses.alive(broker.pid);
    return alive && broker.answers(Duration.ofSeconds(5)) ? Optional.of(broker) : Optional.empty();
  }

  public static boolean stop(Path home) throws IOException {
    Optional<LocalKafka> broker = find(home);
    broker.ifPresent(LocalKafka::stop);
    return broker.isPresent();
  }

  /** SIGTERM and wait for a clean shutdown; kill if it does not come. */
  public void stop() {
    LocalProcesses.terminate(pid, STOP_TIMEOUT, false);
    deleteState();
  }

  /** SIGKILL: the broker dies at once, as in a crash. For failure tests. */
  public void kill() {
    LocalProcesses.terminate(pid, STOP_TIMEOUT, true);
    deleteState();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return pid;
  }

  public Path home() {
    return home;
  }

  private void awaitReady(Process process) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "the Kafka broker exited with code %d while starting. Last log lines:%n%s%nA port in use (%d) or a data folder from another cluster are the usual causes: see %s."
                .formatted(
                    process.exitValue(),
                    LocalProcesses.logTail(home.resolve("log"), List.of("kafka.out", "server.log")),
                    port,
                    home.resolve("log")));
      }
      if (answers(Duration.ofSeconds(2))) {
        return;
      }
      LocalProcesses.sleep(Duration.ofMillis(300), "the Kafka broker");
    }
    process.destroyForcibly();
    throw new IOException(
        "the Kafka broker did not answer on port %d within %ds. Last log lines:%n%s"
            .formatted(
                port,
                START_TIMEOUT.toSeconds(),
                LocalProcesses.logTail(home.resolve("log"), List.of("kafka.out", "server.log"))));
  }

  private boolean answers(Duration timeout) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception notYet) {
      return false;
    }
  }

  private static void format(Path home, Path lib) throws IOException {
    String clusterId = randomClusterId();
    Process format =
        new ProcessBuilder(
                javaBinary(),
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp",
                lib + "/*",
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                "-t",
                clusterId,
                "-c",
                home.resolve("server.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("log/format.out").toFile())
            .start();
    try {
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IOException(
            "formatting the Kafka data folder failed; see " + home.resolve("log/format.out"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while formatting the Kafka data folder", e);
    }
  }

  static String randomClusterId() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    random[0] &= 0x7f; // a cluster id must not start with '-' in its base64 form
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static void writeServerProperties(Path home, int port, int controllerPort)
      throws IOException {
    String properties =
        """
        # A single-node Kafka (KRaft) for Sanjeh's local default and tests: loopback only.
        process.roles=broker,controller
        node.id=1
        controller.quorum.bootstrap.servers=127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%3$s
        num.partitions=4
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=false
        """
            .formatted(port, controllerPort, home.resolve("data"));
    Files.writeString(home.resolve("server.properties"), properties);
  }

  /** Warnings only, into a file: the broker's INFO logs are noise for the local default. */
  static void writeLogConfig(Path home) throws IOException {
    String config =
        """
        status = warn
        appender.file.type = File
        appender.file.name = file
        appender.file.fileName = %s
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
        rootLogger.level = warn
        rootLogger.appenderRef.file.ref = file
        """
            .formatted(home.resolve("log/server.log"));
    Files.writeString(home.resolve("log4j2.properties"), config);
  }

  private void writeState() throws IOException {
    Properties props = new Properties();
    props.setProperty("pid", Long.toString(pid));
    props.setProperty("port", Integer.toString(port));
    try (OutputStream out = Files.newOutputStream(home.resolve("broker.properties"))) {
      props.store(out, "the Kafka broker started by Sanjeh under this folder");
    }
  }

  private void deleteState() {
    try {
      Files.deleteIfExists(home.resolve("broker.properties"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The broker's jars: {@code -Dsanjeh.kafka.lib}, {@code SANJEH_KAFKA_LIB}, or {@code
   * kafka-broker/target/lib} found from the working folder upwards.
   */
  static Path brokerLibrary() throws IOException {
    String configured = System.getProperty("sanjeh.kafka.lib", System.getenv("SANJEH_KAFKA_LIB"));
    if (configured != null) {
      return checkLibrary(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("kafka-broker/target/lib");
      if (Files.isDirectory(candidate)) {
        return checkLibrary(candidate);
      }
    }
    throw new IOException(
        "the Kafka broker's jars are not built: run ./sanjeh setup (it collects them into"
            + " kafka-broker/target/lib), or set SANJEH_KAFKA_LIB.");
  }

  private static Path checkLibrary(Path lib) throws IOException {
    try (Stream<Path> jars = Files.list(lib)) {
      if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13"))) {
        throw new IOException(lib + " holds no kafka_2.13 jar: run ./sanjeh setup");
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(lib + " does not exist: run ./sanjeh setup", e);
    }
    return lib.toAbsolutePath().normalize();
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
