package org.sanjeh.devtools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanjeh.testbed.Checkout;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sanjeh bench ...}: each benchmark against a baseline in the same run, on topics and a
 * database of its own (it says which), so the demo's data is never touched. No Flink type in a
 * field or signature: the root CLI loads these classes to print help.
 */
@Command(
    name = "bench",
    description = "Benchmarks, each against a baseline in the same run (see docs/benchmarks.md).",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchCommand.WarehouseLoad.class,
      BenchCommand.Calendar.class,
      BenchCommand.Intake.class,
      BenchCommand.Survey.class,
      BenchCommand.Streaming.class
    })
public final class BenchCommand {

  @Command(
      name = "warehouse",
      description =
          "Load N synthetic events into database <database>_bench: EventWriter (RowBinary)"
              + " against JDBC batches; rows/s.",
      mixinStandardHelpOptions = true,
      showDefaultValues = true)
  static final class WarehouseLoad implements Callable<Integer> {
    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Events.")
    int events;

    @Option(
        names = "--batch-size",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Rows per insert.")
    int batchSize;

    @Override
    public Integer call() {
      return WarehouseBench.run(
          Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv())), events, batchSize);
    }
  }

  @Command(
      name = "calendar",
      description =
          "JMH: business-time add/between against a day-by-day baseline (2 intervals a day, 30"
              + " holidays a year, one thread).",
      mixinStandardHelpOptions = true)
  static final class Calendar implements Callable<Integer> {
    @Parameters(
        paramLabel = "JMH-OPTION",
        arity = "0..*",
        description = "Passed to JMH after the defaults -f 1 -wi 2 -w 1s -i 3 -r 1s -t 1.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Checkout checkout = Checkout.current();
      Path core = checkout.root().resolve("core/target");
      Path classpathFile = Checkout.built(core.resolve("test-classpath.txt"));
      Checkout.built(core.resolve("test-classes/META-INF"));
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  core.resolve("test-classes")
                      + ":"
                      + core.resolve("classes")
                      + ":"
                      + Files.readString(classpathFile).trim(),
                  "org.openjdk.jmh.Main",
                  "CalendarBenchmark",
                  "-f",
                  "1",
                  "-wi",
                  "2",
                  "-w",
                  "1s",
                  "-i",
                  "3",
                  "-r",
                  "1s",
                  "-t",
                  "1"));
      command.addAll(jmhOptions);
      System.out.println(
          "==> JMH: add and between, 2 intervals a day, 30 holidays a year, one thread (per-core"
              + " figures)");
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
  }

  @Command(
      name = "intake",
      description = {
        "The intake API: NDJSON batches against straight-to-Kafka, and single-event latency at a"
            + " fixed rate; then the same under wrk.",
        "Runs on a Kafka broker and an intake API of its own (var/bench, free ports), never on"
            + " the demo's."
      },
      mixinStandardHelpOptions = true,
      showDefaultValues = true)
  static final class Intake implements Callable<Integer> {
    @Option(names = "--events", paramLabel = "N", defaultValue = "300000", description = "Events.")
    int events;

    @Option(
        names = "--rate",
        paramLabel = "N",
        defaultValue = "2000",
        description = "Single events per second for the latency run.")
    int rate;

    @Option(
        names = "--seconds",
        paramLabel = "N",
        defaultValue = "15",
        description = "How long the latency run lasts.")
    int seconds;

    @Option(
        names = "--only",
        paramLabel = "single",
        description = "single: only the single-event latency run.")
    String only;

    @Option(
        names = "--compare-compression",
        description = "Also publish straight into Kafka without compression.")
    boolean compareCompression;

    @Option(
        names = "--wrk",
        arity = "1",
        paramLabel = "true|false",
        defaultValue = "true",
        description = "Also measure under wrk (if it is installed).")
    boolean wrk;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if ((long) rate * seconds <= IntakeBench.WARM_UP_REQUESTS) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--rate × --seconds must be above "
                + IntakeBench.WARM_UP_REQUESTS
                + ": the first "
                + IntakeBench.WARM_UP_REQUESTS
                + " single events warm up and are not measured");
      }
      Checkout checkout = Checkout.current();
      try (BenchServices own = new BenchServices(checkout)) {
        String key = BenchServices.secret();
        String bootstrap = own.kafka().bootstrapServers();
        String url = own.intake(key);
        System.out.println(
            "intake benchmark on a broker of its own at "
                + bootstrap
                + " (topics ticket-events, ticket-events-dead-letters under var/bench/kafka,"
                + " removed afterwards) and an intake API of its own at "
                + url
                + ": the demo's broker and sanjeh database are not touched");
        System.out.println(
            "==> Java load generator: baseline straight into Kafka, NDJSON batches, single events"
                + " at a fixed rate");
        new IntakeBench(
                bootstrap,
                url,
                key,
                events,
                rate,
                seconds,
                "single".equals(only),
                compareCompression)
            .run();
        if (wrk && Wrk.installed()) {
          String prelude =
              "run = "
                  + Wrk.luaString(Long.toString(System.nanoTime()))
                  + "\nkey = "
                  + Wrk.luaString(key)
                  + "\n";
          Path bench = checkout.root().resolve("devtools/bench");
          System.out.println("==> wrk: batch.lua, 8 connections, 20s");
          Wrk.run(bench.resolve("batch.lua"), prelude, url, 8, 20, true, 1000);
          System.out.println("==> wrk: single.lua, 16 connections, 20s");
          Wrk.run(bench.resolve("single.lua"), prelude, url, 16, 20, true, 1);
        } else if (wrk) {
          System.out.println("wrk is not installed: skipping the wrk runs (apt-get install wrk)");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "survey",
      description = {
        "Survey answers (POST from the answer page) under wrk: answers/s and latency, against"
            + " the GET of the page.",
        "Runs a survey service of its own on database "
            + SurveyBench.DATABASE
            + " (dropped"
            + " afterwards), never the demo's."
      },
      mixinStandardHelpOptions = true,
      showDefaultValues = true)
  static final class Survey implements Callable<Integer> {
    @Option(
        names = "--invitations",
        paramLabel = "N",
        defaultValue = "2000",
        description = "Fresh invitations to answer.")
    int invitations;

    @Override
    public Integer call() throws Exception {
      if (!Wrk.installed()) {
        throw new IllegalStateException("bench survey needs wrk: apt-get install wrk");
      }
      return new SurveyBench(Checkout.current()).run(invitations);
    }
  }

  @Command(
      name = "streaming",
      description = {
        "Kafka -> SLA job -> ClickHouse: events/s against a decode-and-count baseline, and"
            + " event-to-ClickHouse latency at a steady rate.",
        "Uses topics bench-* and database sanjeh_bench, never the demo's."
      },
      mixinStandardHelpOptions = true,
      showDefaultValues = true)
  static final class Streaming implements Callable<Integer> {
    @Option(
        names = "--events",
        paramLabel = "N",
        defaultValue = "2000000",
        description = "Events for the throughput runs (0: latency only).")
    long events;

    @Option(
        names = "--rate",
        paramLabel = "N",
        defaultValue = "10000",
        description = "Events per second for the latency run.")
    int rate;

    @Option(
        names = "--seconds",
        paramLabel = "N",
        defaultValue = "30",
        description = "How long the latency run lasts.")
    int seconds;

    @Option(
        names = "--raw-events",
        arity = "1",
        paramLabel = "true|false",
        defaultValue = "true",
        description = "Also run the job with whole events written to ClickHouse.")
    boolean rawEvents;

    @Option(
        names = "--checkpoint-ms",
        paramLabel = "MS",
        defaultValue = "10000",
        description = "Checkpoint interval of the latency run.")
    long checkpointMillis;

    @Option(
        names = "--bootstrap-servers",
        paramLabel = "H:P",
        defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
        description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP).")
    String bootstrap;

    @Override
    public Integer call() throws Exception {
      System.out.println(
          "==> streaming benchmark: generated lifecycles -> Kafka -> SLA job (MiniCluster,"
              + " parallelism 2) -> ClickHouse database sanjeh_bench");
      return StreamingBench.run(
          bootstrap,
          WarehouseConfig.fromEnvironment(System.getenv()),
          events,
          rate,
          seconds,
          rawEvents,
          checkpointMillis);
    }
  }
}
