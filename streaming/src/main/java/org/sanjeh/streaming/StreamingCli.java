package org.sanjeh.streaming;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.streaming.config.JobOptions;
import org.sanjeh.streaming.sink.AlertTopic;
import org.sanjeh.streaming.sink.ClickHouseSink;
import org.sanjeh.streaming.sink.SlaTables;
import org.sanjeh.streaming.source.KafkaEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;

/**
 * The SLA job's launch: {@code run} on a local MiniCluster when started with {@code java}, on a
 * cluster when submitted with {@code flink run}; the commands are declared in {@link
 * StreamingCommand}.
 */
public final class StreamingCli {

  private StreamingCli() {}

  public static void main(String[] args) {
    int status = Commands.commandLine(new StreamingCommand()).execute(args);
    // A job that runs returns: under `flink run` this main runs inside Flink's client, which
    // finishes the submission itself once main returns. Everything else exits with its code.
    boolean jobRuns = status == Commands.OK && args.length > 0 && args[0].equals("run");
    if (!jobRuns) {
      System.exit(status);
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
        StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(options));
    options.restorePath().ifPresent(path -> System.out.println("resuming from checkpoint " + path));
    SlaJob.build(
        env,
        KafkaEvents.source(options.bootstrapServers(), options.topic(), options.groupId(), false),
        settings(options),
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

  static SlaJob.Settings settings(JobOptions options) {
    SlaJob.Settings defaults = SlaJob.Settings.defaults(options.policyJson());
    return new SlaJob.Settings(
        defaults.policyJson(),
        options.outOfOrderness(),
        options.idleness(),
        defaults.ticketRetention(),
        defaults.minuteRetention(),
        options.allowedLateness());
  }

  /** Flink's configuration: checkpoints, state backend, restore point, parallelism. */
  static Configuration flinkConfiguration(JobOptions options) {
    Map<String, String> conf = new HashMap<>();
    conf.put("execution.checkpointing.interval", options.checkpointInterval().toMillis() + " ms");
    conf.put("execution.checkpointing.dir", options.checkpointDir().toUri().toString());
    conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    conf.put("execution.checkpointing.num-retained", "3");
    conf.put("state.backend.type", options.stateBackend());
    conf.put("parallelism.default", Integer.toString(options.parallelism()));
    conf.put("pipeline.object-reuse", "true");
    conf.put("pipeline.generic-types", "false");
    conf.put("restart-strategy.type", "exponential-delay");
    options
        .restorePath()
        .ifPresent(path -> conf.put("execution.state-recovery.path", path.toUri().toString()));
    // e.g. the minute aggregates' state from before they were keyed by minute (other uid)
    conf.put(
        "execution.state-recovery.ignore-unclaimed-state",
        Boolean.toString(options.dropRemovedState()));
    return Configuration.fromMap(conf);
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
        new ClickHouseSink<>(target, SlaTables.Aggregates.MINUTES, batch, flush),
        new ClickHouseSink<>(target, SlaTables.Aggregates.QUARTERS, batch, flush),
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
