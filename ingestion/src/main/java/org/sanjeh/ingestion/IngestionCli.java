package org.sanjeh.ingestion;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.ingestion.kafka.Topics;
import org.sanjeh.ingestion.loader.WarehouseLoader;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The ingestion commands: the intake API, loading Kafka into ClickHouse, importing. The exec jar's
 * {@code main}; {@code ./sanjeh} runs the same commands in that jar's JVM.
 */
@Command(
    name = "ingestion",
    description =
        "The intake API, the Kafka -> ClickHouse loader and the importers, in the foreground.",
    mixinStandardHelpOptions = true,
    subcommands = {IngestionCli.Serve.class, IngestionCli.LoadWarehouse.class, ImportCommand.class})
public final class IngestionCli {

  public static void main(String[] args) {
    CommandLine commandLine = Commands.commandLine(new IngestionCli());
    int status = commandLine.execute(args);
    // serve keeps running on Spring's threads; everything else ends here
    if (status != Serve.KEEP_RUNNING) {
      System.exit(status);
    }
  }

  /** Kafka as the environment says: SANJEH_KAFKA_BOOTSTRAP, else the demo's broker. */
  static final class KafkaOption {
    @Option(
        names = "--bootstrap-servers",
        paramLabel = "H:P",
        defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
        showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
        description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP).")
    String bootstrap;
  }

  @Command(
      name = "serve",
      description = {
        "The intake API (POST /v1/events) in the foreground. Settings come from the environment"
            + " (SANJEH_INTAKE_*, SANJEH_KAFKA_BOOTSTRAP) or Spring --name=value arguments."
      },
      mixinStandardHelpOptions = true)
  static final class Serve implements Callable<Integer> {
    /** Not an exit code: the service runs until it is stopped. */
    static final int KEEP_RUNNING = -1;

    @Unmatched List<String> springArguments = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      org.springframework.boot.SpringApplication.run(
          IngestionApplication.class, springArguments.toArray(String[]::new));
      return KEEP_RUNNING;
    }
  }

  @Command(
      name = "load-warehouse",
      description =
          "Copy Kafka's ticket-events and dead letters into ClickHouse, until stopped"
              + " (ClickHouse as in SANJEH_CLICKHOUSE_*).",
      mixinStandardHelpOptions = true)
  static final class LoadWarehouse implements Callable<Integer> {
    @CommandLine.Mixin KafkaOption kafka = new KafkaOption();

    @Override
    public Integer call() {
      Warehouse warehouse = Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv()));
      ZoneId zone = ZoneId.of(System.getenv().getOrDefault("SANJEH_BUSINESS_TIMEZONE", "UTC"));
      EventWriter writer =
          new EventWriter(warehouse, BatchedWriter.Settings.DEFAULTS, zone, Clock.systemUTC());
      WarehouseLoader loader =
          new WarehouseLoader(kafka.bootstrap, "sanjeh-warehouse", writer, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(loader::close));
      System.out.println(
          "loading "
              + Topics.TICKET_EVENTS
              + " and "
              + Topics.DEAD_LETTERS
              + " from "
              + kafka.bootstrap
              + " into "
              + warehouse.config().describe());
      loader.run();
      return Commands.OK;
    }
  }
}
