package org.sanjeh.streaming;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.sanjeh.streaming.bench.StreamingBench;
import org.sanjeh.streaming.config.JobOptions;
import org.sanjeh.streaming.replay.Replay;
import org.sanjeh.streaming.sink.AlertTopic;
import org.sanjeh.streaming.sink.ClickHouseSink;
import org.sanjeh.streaming.sink.SlaTables;
import org.sanjeh.streaming.source.KafkaEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.cli.CliOptions;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;

/**
 * {@code run}: the SLA job, on a local MiniCluster when started with {@code java}, on a cluster
 * when submitted with {@code flink run}. {@code replay FILE}: see {@link Replay}.
 */
public final class StreamingCli {

  static final String USAGE =
      """
      usage: streaming run [options]       the SLA job: ticket-events -> ClickHouse and sla-alerts
             streaming replay FILE.jsonl [--policy FILE] [--bootstrap-servers H:P]
             streaming bench [--events N] [--rate N] [--seconds N]
      run options:
      """
          + JobOptions.USAGE;

  private StreamingCli() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      System.out.print(USAGE);
      return;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "run" -> run(JobOptions.parse(CliOptions.parse(rest), System.getenv()));
        case "replay" -> System.exit(Replay.run(CliOptions.parse(rest), System.getenv()));
        case "bench" -> System.exit(StreamingBench.run(CliOptions.parse(rest), System.getenv()));
        default -> {
          System.err.println("unknown command '" + args[0] + "'\n" + USAGE);
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (IllegalStateException | org.sanjeh.warehouse.WarehouseException e) {
      // Kafka or ClickHouse not reachable at start: the message says which and how to start it
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(JobOptions options) throws Exception {
    WarehouseConfig warehouse =
        WarehouseConfig.fromEnvironment(System.getenv()).withDatabase(options.database());
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
    if (!options.alertTopic().equals("none")) {
      AlertTopic.ensure(options.bootstrapServers(), options.alertTopic());
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(options.flinkConfiguration());
    options.restorePath().ifPresent(path -> System.out.println("resuming from checkpoint " + path));
    SlaJob.build(
        env,
        KafkaEvents.source(options.bootstrapServers(), options.topic(), options.groupId(), false),
        options.settings(),
        sinks(options, ClickHouseSink.Target.of(warehouse)));
    System.out.printf(
        "SLA job: %s on %s -> %s, alerts to %s; checkpoints every %s in %s%n",
        options.topic(),
        options.bootstrapServers(),
        warehouse.describe(),
        options.alertTopic(),
        options.checkpointInterval(),
        options.checkpointDir());
    JobClient job;
    boolean running;
    try {
      job = env.executeAsync("sanjeh-sla");
      running = awaitRunning(job, Duration.ofMinutes(2));
    } catch (Exception e) {
      throw explainStartFailure(e, options);
    }
    System.out.println(
        running
            ? "SLA job running: Flink job " + job.getJobID()
            : "SLA job submitted, not yet RUNNING after 2 min: Flink job " + job.getJobID());
    // `flink run -d` returns here; a local run or an attached `flink run` lives as long as the job
    if (env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
      job.getJobExecutionResult().get();
    }
  }

  /**
   * Whether the job reached RUNNING within {@code patience}; a job that fails while starting throws
   * its cause here.
   */
  private static boolean awaitRunning(JobClient job, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      JobStatus status = job.getJobStatus().get();
      if (status == JobStatus.RUNNING || status == JobStatus.FINISHED) {
        return true;
      }
      if (status.isGloballyTerminalState()) {
        job.getJobExecutionResult().get();
        return false;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** A start that failed for a reason the user can fix gets a message that says how. */
  private static Exception explainStartFailure(Exception failure, JobOptions options) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains("Cannot map checkpoint/savepoint state")) {
        return new IllegalStateException(
            "the checkpoint "
                + options.restorePath().map(Object::toString).orElse("")
                + " holds the state of an operator this version of the job no longer has (an"
                + " upgrade changed it). Start with --drop-removed-state true to keep every"
                + " ticket's SLA state and drop that state, or with --restore none to start"
                + " without the checkpoint.");
      }
    }
    return failure;
  }

  static SlaJob.Sinks sinks(JobOptions options, ClickHouseSink.Target target) {
    int batch = options.batchSize();
    var flush = options.flushInterval();
    return new SlaJob.Sinks(
        new ClickHouseSink<>(target, SlaTables.Tickets.ROWS, batch, flush),
        new ClickHouseSink<>(target, SlaTables.Alerts.ROWS, batch, flush),
        options.alertTopic().equals("none")
            ? null
            : AlertTopic.sink(options.bootstrapServers(), options.alertTopic()),
        new ClickHouseSink<>(target, SlaTables.Minutes.ROWS, batch, flush),
        new ClickHouseSink<>(target, SlaTables.DeadLetters.ROWS, batch, flush),
        options.rawEvents()
            ? new ClickHouseSink<>(target, new SlaTables.RawEvents(zoneOf(options)), batch, flush)
            : null);
  }

  private static String zoneOf(JobOptions options) {
    return org.sanjeh.core.sla.PolicyFile.parse(options.policyJson(), "policy")
        .calendar()
        .zone()
        .getId();
  }
}
