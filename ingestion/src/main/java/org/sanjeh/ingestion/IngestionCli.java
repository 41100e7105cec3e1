package org.sanjeh.ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.ingestion.importer.GenerateCommand;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.ingestion.importer.IntakeBench;
import org.sanjeh.ingestion.kafka.LocalKafka;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.ingestion.loader.WarehouseLoader;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.cli.CliOptions;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;
import org.springframework.boot.SpringApplication;

/**
 * The ingestion commands behind {@code ./sanjeh}: the intake API, the local broker, loading,
 * importing.
 */
public final class IngestionCli {

  private static final String USAGE =
      """
      usage: ingestion serve                                   the intake API (POST /v1/events)
             ingestion kafka start|stop|status --home DIR [--port N] [--controller-port N]
             ingestion load-warehouse                          Kafka -> ClickHouse, until stopped
             ingestion import FILE|DIR --format twcc|ndjson|helpdesk|calls|email [--mapping F] [--team A]
             ingestion generate --tickets N --days D [--seed S] [--out FILE | --to kafka]
      Kafka is SANJEH_KAFKA_BOOTSTRAP (127.0.0.1:19092); ClickHouse as in SANJEH_CLICKHOUSE_*.
      """;

  private IngestionCli() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.print(USAGE);
      System.exit(2);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      int status =
          switch (args[0]) {
            case "serve" -> {
              SpringApplication.run(IngestionApplication.class, rest.toArray(String[]::new));
              yield -1; // keep running
            }
            case "kafka" -> kafka(rest);
            case "load-warehouse" -> loadWarehouse();
            case "import" ->
                new picocli.CommandLine(new ImportCommand()).execute(rest.toArray(String[]::new));
            case "generate" -> new GenerateCommand(bootstrap(), options(rest)).run();
            case "bench-intake" -> new IntakeBench(bootstrap(), options(rest)).run();
            default -> {
              System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
              yield 2;
            }
          };
      if (status >= 0) {
        System.exit(status);
      }
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | WarehouseException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  private static int kafka(List<String> args) throws IOException {
    Map<String, String> options = options(args);
    if (args.isEmpty() || !options.containsKey("home")) {
      System.err.print(USAGE);
      return 2;
    }
    Path home = Path.of(options.get("home"));
    switch (args.get(0)) {
      case "start" -> {
        LocalKafka broker =
            LocalKafka.start(
                home,
                Integer.parseInt(options.getOrDefault("port", "0")),
                Integer.parseInt(options.getOrDefault("controller-port", "0")));
        Topics.ensure(broker.bootstrapServers(), 4);
        System.out.printf(
            "Kafka running: pid %d, %s, topics %s and %s, data in %s%n",
            broker.pid(),
            broker.bootstrapServers(),
            Topics.TICKET_EVENTS,
            Topics.DEAD_LETTERS,
            home.resolve("data"));
        return 0;
      }
      case "stop" -> {
        System.out.println(LocalKafka.stop(home) ? "Kafka stopped" : "Kafka was not running");
        return 0;
      }
      case "status" -> {
        Optional<LocalKafka> broker = LocalKafka.find(home);
        System.out.println(
            broker
                .map(b -> "Kafka is running: pid " + b.pid() + ", " + b.bootstrapServers())
                .orElse("Kafka is not running under " + home));
        return broker.isPresent() ? 0 : 3;
      }
      default -> {
        System.err.print(USAGE);
        return 2;
      }
    }
  }

  private static int loadWarehouse() {
    Warehouse warehouse = Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv()));
    ZoneId zone = ZoneId.of(System.getenv().getOrDefault("SANJEH_BUSINESS_TIMEZONE", "UTC"));
    EventWriter writer =
        new EventWriter(warehouse, BatchedWriter.Settings.DEFAULTS, zone, Clock.systemUTC());
    WarehouseLoader loader =
        new WarehouseLoader(bootstrap(), "sanjeh-warehouse", writer, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(loader::close));
    System.out.println(
        "loading "
            + Topics.TICKET_EVENTS
            + " and "
            + Topics.DEAD_LETTERS
            + " from "
            + bootstrap()
            + " into "
            + warehouse.config().describe());
    loader.run();
    return 0;
  }

  static String bootstrap() {
    return System.getenv().getOrDefault("SANJEH_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
  }

  static Map<String, String> options(List<String> args) {
    return CliOptions.parse(args);
  }
}
