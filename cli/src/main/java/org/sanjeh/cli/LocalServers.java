package org.sanjeh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.testbed.LocalKafka;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The demo's private ClickHouse and Kafka under var/, on loopback only. */
final class LocalServers {

  private final Local local;

  LocalServers(Local local) {
    this.local = local;
  }

  // --- ClickHouse ---------------------------------------------------------------------------

  void clickhouseStart() {
    Local.say("starting ClickHouse under var/clickhouse on 127.0.0.1:" + local.clickhouseHttpPort);
    try {
      ClickHouseServer server =
          ClickHouseServer.start(
              local.clickhouseHome(), local.clickhouseHttpPort, local.clickhouseTcpPort);
      System.out.printf(
          "ClickHouse running: pid %d, http://127.0.0.1:%d (native port %d), data in %s%n",
          server.pid(), server.httpPort(), server.tcpPort(), server.home().resolve("data"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "ClickHouse did not start: "
              + e.getMessage()
              + "\nSee var/clickhouse/log/. If port "
              + local.clickhouseHttpPort
              + " or "
              + local.clickhouseTcpPort
              + " is taken, set SANJEH_CLICKHOUSE_HTTP_PORT / SANJEH_CLICKHOUSE_TCP_PORT.",
          e);
    }
  }

  void clickhouseRunning() {
    clickhouseStart(); // returns the running server if there is one
  }

  void clickhouseAndKafkaRunning() {
    clickhouseStart();
    kafkaRunning();
  }

  void clickhouseStop() {
    Local.say("stopping ClickHouse under var/clickhouse");
    try {
      System.out.println(
          ClickHouseServer.stop(local.clickhouseHome())
              ? "ClickHouse stopped"
              : "ClickHouse was not running");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int clickhouseStatus() throws IOException {
    Optional<ClickHouseServer> server = ClickHouseServer.find(local.clickhouseHome());
    if (server.isEmpty()) {
      System.out.println("ClickHouse is not running under " + local.clickhouseHome());
      return Commands.NOT_RUNNING;
    }
    System.out.printf(
        "ClickHouse is running: pid %d, http://127.0.0.1:%d%n",
        server.get().pid(), server.get().httpPort());
    return Commands.OK;
  }

  CommandLine clickhouse() {
    CommandLine group =
        ServiceCommands.group(
            "clickhouse",
            "The private ClickHouse server under var/clickhouse (loopback only).",
            ServiceCommands.command(
                "start",
                "Start it (a no-op when it runs).",
                () -> {
                  clickhouseStart();
                  return Commands.OK;
                }),
            () -> {
              clickhouseStop();
              return Commands.OK;
            },
            this::clickhouseStatus);
    group.addSubcommand(new Client(this));
    return group;
  }

  @Command(
      name = "client",
      description =
          "clickhouse-client connected to it, database sanjeh; ARGS go to clickhouse-client.")
  static final class Client implements Callable<Integer> {
    private final LocalServers servers;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "e.g. --query \"SELECT 1\"")
    List<String> args = new ArrayList<>();

    Client(LocalServers servers) {
      this.servers = servers;
    }

    @Override
    public Integer call() throws Exception {
      return servers.client(args);
    }
  }

  int client(List<String> args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "clickhouse-client",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(local.clickhouseTcpPort),
                "--password",
                local.clickhousePassword(),
                "--database",
                "sanjeh"));
    command.addAll(args);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  // --- Kafka ----------------------------------------------------------------------------------

  void kafkaStart() {
    Local.say(
        "starting Kafka under var/kafka on "
            + local.kafkaBootstrap()
            + " (the first start formats the data folder)");
    try {
      LocalKafka broker =
          LocalKafka.start(local.kafkaHome(), local.kafkaPort, local.kafkaControllerPort);
      Topics.ensure(broker.bootstrapServers(), 4);
      System.out.printf(
          "Kafka running: pid %d, %s, topics %s and %s, data in %s%n",
          broker.pid(),
          broker.bootstrapServers(),
          Topics.TICKET_EVENTS,
          Topics.DEAD_LETTERS,
          local.kafkaHome().resolve("data"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Kafka did not start: "
              + e.getMessage()
              + "\nSee var/kafka/log/. If port "
              + local.kafkaPort
              + " or "
              + local.kafkaControllerPort
              + " is taken, set SANJEH_KAFKA_PORT / SANJEH_KAFKA_CONTROLLER_PORT.",
          e);
    }
  }

  boolean kafkaRuns() {
    try {
      return LocalKafka.find(local.kafkaHome()).isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts Kafka unless it runs. */
  void kafkaRunning() {
    if (!kafkaRuns()) {
      kafkaStart();
    }
  }

  /** As {@link #kafkaRunning()}, its messages on stderr (stdout is the command's result). */
  void kafkaRunningQuietly() {
    if (!kafkaRuns()) {
      java.io.PrintStream out = System.out;
      System.setOut(System.err);
      try {
        kafkaStart();
      } finally {
        System.setOut(out);
      }
    }
  }

  void kafkaStop() {
    Local.say("stopping Kafka");
    try {
      System.out.println(
          LocalKafka.stop(local.kafkaHome()) ? "Kafka stopped" : "Kafka was not running");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int kafkaStatus() throws IOException {
    Optional<LocalKafka> broker = LocalKafka.find(local.kafkaHome());
    System.out.println(
        broker
            .map(b -> "Kafka is running: pid " + b.pid() + ", " + b.bootstrapServers())
            .orElse("Kafka is not running under " + local.kafkaHome()));
    return broker.isPresent() ? Commands.OK : Commands.NOT_RUNNING;
  }

  CommandLine kafka() {
    return ServiceCommands.group(
        "kafka",
        "The private Kafka broker under var/kafka (KRaft, loopback only).",
        ServiceCommands.command(
            "start",
            "Start it, with the ticket topics.",
            () -> {
              kafkaStart();
              return Commands.OK;
            }),
        () -> {
          kafkaStop();
          return Commands.OK;
        },
        this::kafkaStatus);
  }
}
