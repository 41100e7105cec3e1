package org.sanjeh.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Several Kafka brokers in KRaft mode on loopback ports, each its own process (broker and
 * controller in one, as {@link LocalKafka} runs one), forming one cluster with a controller quorum
 * of all of them. Internal topics are replicated to three (or fewer, with fewer brokers) with two
 * in sync, so a lost broker loses no consumer offsets. A broker can be killed with SIGKILL and
 * started again on its ports and data, for fault tests.
 */
public final class KafkaCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String STATE_FILE = "cluster.properties";

  /** One broker: its id (1-based), folder and ports. */
  public record Broker(int id, Path home, int port, int controllerPort) {
    public String address() {
      return "127.0.0.1:" + port;
    }
  }

  private final List<Broker> brokers;
  private final Path lib;
  private final List<Process> processes = new ArrayList<>();

  private KafkaCluster(List<Broker> brokers, Path lib) {
    this.brokers = brokers;
    this.lib = lib;
  }

  /** Formats and starts {@code count} brokers under {@code root}, and waits until all answer. */
  public static KafkaCluster start(Path root, int count) throws IOException {
    List<Broker> brokers = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      brokers.add(
          new Broker(
              id,
              root.toAbsolutePath().resolve("broker-" + id),
              LocalProcesses.freePort(),
              LocalProcesses.freePort()));
    }
    KafkaCluster cluster = new KafkaCluster(brokers, LocalKafka.brokerLibrary());
    String clusterId = LocalKafka.randomClusterId();
    for (Broker broker : brokers) {
      Files.createDirectories(broker.home().resolve("log"));
      Files.writeString(broker.home().resolve("server.properties"), cluster.properties(broker));
      LocalKafka.writeLogConfig(broker.home());
      cluster.format(broker, clusterId);
    }
    for (Broker broker : brokers) {
      cluster.processes.add(cluster.launch(broker));
    }
    cluster.writeState(root);
    cluster.awaitBrokers(count);
    return cluster;
  }

  /**
   * Stops the brokers that {@link #start} left running under {@code root} (they outlive the JVM
   * that started them); false if none were recorded there.
   */
  public static boolean stop(Path root) throws IOException {
    Path state = root.toAbsolutePath().resolve(STATE_FILE);
    if (!Files.exists(state)) {
      return false;
    }
    Properties props = new Properties();
    try (var in = Files.newInputStream(state)) {
      props.load(in);
    }
    for (String name : props.stringPropertyNames()) {
      if (name.startsWith("pid.")) {
        LocalProcesses.terminate(Long.parseLong(props.getProperty(name)), STOP_TIMEOUT, false);
      }
    }
    Files.delete(state);
    return true;
  }

  public String bootstrapServers() {
    return brokers.stream().map(Broker::address).collect(Collectors.joining(","));
  }

  public List<Broker> brokers() {
    return brokers;
  }

  /** SIGKILL: the broker dies at once, as in a crash. */
  public void kill(int index) {
    LocalProcesses.terminate(processes.get(index).pid(), STOP_TIMEOUT, true);
  }

  /** Starts a killed broker again on its ports and data; returns once every broker answers. */
  public void restart(int index) throws IOException {
    processes.set(index, launch(brokers.get(index)));
    awaitBrokers(brokers.size());
  }

  @Override
  public void close() {
    processes.forEach(process -> LocalProcesses.terminate(process.pid(), STOP_TIMEOUT, false));
  }

  private void writeState(Path root) throws IOException {
    Properties props = new Properties();
    props.setProperty("bootstrap.servers", bootstrapServers());
    for (int i = 0; i < brokers.size(); i++) {
      props.setProperty("pid." + brokers.get(i).id(), Long.toString(processes.get(i).pid()));
    }
    try (var out = Files.newOutputStream(root.toAbsolutePath().resolve(STATE_FILE))) {
      props.store(out, "the Kafka brokers started by Sanjeh under this folder");
    }
  }

  private String properties(Broker broker) {
    String voters =
        brokers.stream()
            .map(b -> b.id() + "@127.0.0.1:" + b.controllerPort())
            .collect(Collectors.joining(","));
    int replicas = Math.min(3, brokers.size());
    int inSync = Math.min(2, replicas);
    return """
        # One of %7$d Kafka (KRaft) brokers of Sanjeh's local cluster: loopback only.
        process.roles=broker,controller
        node.id=%1$d
        controller.quorum.voters=%4$s
        listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%2$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%8$s
        num.partitions=4
        default.replication.factor=%5$d
        min.insync.replicas=%6$d
        offsets.topic.replication.factor=%5$d
        transaction.state.log.replication.factor=%5$d
        transaction.state.log.min.isr=%6$d
        share.coordinator.state.topic.replication.factor=%5$d
        share.coordinator.state.topic.min.isr=%6$d
        unclean.leader.election.enable=false
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=false
        """
        .formatted(
            broker.id(),
            broker.port(),
            broker.controllerPort(),
            voters,
            replicas,
            inSync,
            brokers.size(),
            broker.home().resolve("data"));
  }

  /** A static quorum (controller.quorum.voters): every node is formatted alike, no --standalone. */
  private void format(Broker broker, String clusterId) throws IOException {
    Process format =
        new ProcessBuilder(
                LocalKafka.javaBinary(),
                "-Dlog4j2.configurationFile=" + broker.home().resolve("log4j2.properties"),
                "-cp",
                lib + "/*",
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                broker.home().resolve("server.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(broker.home().resolve("log/format.out").toFile())
            .start();
    try {
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IOException(
            "formatting broker %d's data folder failed:%n%s"
                .formatted(
                    broker.id(),
                    LocalProcesses.logTail(broker.home().resolve("log"), List.of("format.out"))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while formatting the Kafka data folders", e);
    }
  }

  private Process launch(Broker broker) throws IOException {
    return new ProcessBuilder(
            LocalKafka.javaBinary(),
            "-Xmx512m",
            "-Dlog4j2.configurationFile=" + broker.home().resolve("log4j2.properties"),
            "-cp",
            lib + "/*",
            "kafka.Kafka",
            broker.home().resolve("server.properties").toString())
        .directory(broker.home().toFile())
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(broker.home().resolve("log/kafka.out").toFile()))
        .start();
  }

  private void awaitBrokers(int expected) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      for (int i = 0; i < processes.size(); i++) {
        if (!processes.get(i).isAlive()) {
          Broker broker = brokers.get(i);
          throw new IOException(
              "Kafka broker %d exited while starting. Last log lines:%n%s"
                  .formatted(
                      broker.id(),
                      LocalProcesses.logTail(
                          broker.home().resolve("log"), List.of("kafka.out", "server.log"))));
        }
      }
      if (brokersAnswering() >= expected) {
        return;
      }
      LocalProcesses.sleep(Duration.ofMillis(500), "the Kafka brokers");
    }
    throw new IOException(
        "the Kafka cluster did not show %d brokers within %ds; see the logs under %s"
            .formatted(expected, START_TIMEOUT.toSeconds(), brokers.get(0).home().getParent()));
  }

  private int brokersAnswering() {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(config)) {
      return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
    } catch (Exception notYet) {
      return 0;
    }
  }
}
