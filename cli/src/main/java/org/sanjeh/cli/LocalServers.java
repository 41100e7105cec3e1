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

  Object clickhouse() {
    return new ClickHouse(this);
  }

  @Command(
      name = "clickhouse",
      description = "The private ClickHouse server under var/clickhouse (loopback only).",
      mixinStandardHelpOptions = true,
      subcommands = {
        ClickHouse.Start.class,
        ClickHouse.Stop.class,
        ClickHouse.Status.class,
        ClickHouse.Client.class
      })
  static final class ClickHouse {
    final LocalServers servers;

    ClickHouse(LocalServers servers) {
      this.servers = servers;
    }

    @Command(
        name = "start",
        description = "Start it (a no-op when it runs).",
        mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand ClickHouse parent;

      @Override
      public Integer call() {
        parent.servers.clickhouseStart();
        return Commands.OK;
      }
    }

    @Command(name = "stop", description = "Stop it.", mixinStandardHelpOptions = true)
    static final class Stop implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand ClickHouse parent;

      @Override
      public Integer call() {
        parent.servers.clickhouseStop();
        return Commands.OK;
      }
    }

    @Command(
        name = "status",
        description = "Whether it runs (exit code 3: not running).",
        mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand ClickHouse parent;

      @Override
      public Integer call() throws IOException {
        return parent.servers.clickhouseStatus();
      }
    }

    @Command(
        name = "client",
        description =
            "clickhouse-client connected to it, database sanjeh; ARGS go to clickhouse-client.")
    static final class Client implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand ClickHouse parent;

      @Parameters(paramLabel = "ARGS", arity = "0..*", description = "e.g. --query \"SELECT 1\"")
      List<String> args = new ArrayList<>();

      @Override
      public Integer call() throws Exception {
        return parent.servers.client(args);
      }
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

  Object kafka() {
    return new Kafka(this);
  }

  @Command(
      name = "kafka",
      description = "The private Kafka broker under var/kafka (KRaft, loopback only).",
      mixinStandardHelpOptions = true,
      subcommands = {Kafka.Start.class, Kafka.Stop.class, Kafka.Status.class})
  static final class Kafka {
    final LocalServers servers;

    Kafka(LocalServers servers) {
      this.servers = servers;
    }

    @Command(
        name = "start",
        description = "Start it, with the ticket topics.",
        mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand Kafka parent;

      @Override
      public Integer call() {
        parent.servers.kafkaStart();
        return Commands.OK;
      }
    }

    @Command(name = "stop", description = "Stop it.", mixinStandardHelpOptions = true)
    static final class Stop implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand Kafka parent;

      @Override
      public Integer call() {
        parent.servers.kafkaStop();
        return Commands.OK;
      }
    }

    @Command(
        name = "status",
        description = "Whether it runs (exit code 3: not running).",
        mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
      @picocli.CommandLine.ParentCommand Kafka parent;

      @Override
      public Integer call() throws IOException {
        return parent.servers.kafkaStatus();
      }
    }
  }
}
