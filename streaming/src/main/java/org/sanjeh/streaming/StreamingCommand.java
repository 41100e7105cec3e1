package org.sanjeh.streaming;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.streaming.config.JobOptions;
import org.sanjeh.streaming.replay.Replay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The streaming commands' declarations. No Flink type appears in a field or signature here: the
 * root {@code sanjeh} CLI loads these classes to print help, and runs them in a JVM of their own
 * (through {@link StreamingCli#main}) with Flink on the classpath.
 */
@Command(
    name = "streaming",
    description =
        "The Flink SLA job: ticket-events -> SLA state, alerts and per-minute aggregates in"
            + " ClickHouse, alerts on Kafka (sla-alerts).",
    mixinStandardHelpOptions = true,
    subcommands = {StreamingCommand.Run.class, StreamingCommand.ReplayFile.class})
public final class StreamingCommand {

  @Command(
      name = "run",
      description = {
        "The SLA job in the foreground: on a local MiniCluster when started with java, on a"
            + " cluster when submitted with flink run. Resumes from its last checkpoint.",
        "ClickHouse: SANJEH_CLICKHOUSE_HOST, _HTTP_PORT, _USER, _PASSWORD or _PASSWORD_FILE."
      },
      mixinStandardHelpOptions = true)
  public static final class Run implements Callable<Integer> {
    @Mixin JobOptions options = new JobOptions();

    @Override
    public Integer call() throws Exception {
      StreamingCli.run(options);
      return Commands.OK;
    }
  }

  @Command(
      name = "replay",
      description =
          "Push a file of events through Kafka and the SLA job; print each ticket's SLA result"
              + " (one JSON line each) on stdout.",
      mixinStandardHelpOptions = true)
  public static final class ReplayFile implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.jsonl", description = "Events, one JSON object a line.")
    Path file;

    @Option(
        names = "--policy",
        paramLabel = "FILE",
        description = "The SLA policy JSON. Default: the bundled Iran preset.")
    Path policy;

    @Option(
        names = "--bootstrap-servers",
        paramLabel = "H:P",
        defaultValue = "${env:SANJEH_KAFKA_BOOTSTRAP:-127.0.0.1:19092}",
        showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
        description = "Kafka (env SANJEH_KAFKA_BOOTSTRAP).")
    String bootstrap;

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      return Replay.run(file, policy, bootstrap);
    }
  }
}
