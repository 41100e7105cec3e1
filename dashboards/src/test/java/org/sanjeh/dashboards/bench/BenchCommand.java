package org.sanjeh.dashboards.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./sanjeh bench dashboards}: every dashboard query's p50 and p95 over generated events,
 * with plain-SQL baselines from the raw events in the same run (docs/benchmarks.md).
 */
@Command(
    name = "dashboards",
    mixinStandardHelpOptions = true,
    description =
        "Loads generated events into a ClickHouse of its own (never the demo's), derives the"
            + " dashboards' tables and times every dashboard query against raw-event baselines.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--events",
      defaultValue = "10000000",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "How many generated events to load.")
  long events;

  @Option(
      names = "--runs",
      defaultValue = "30",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Timed runs per query (after two warm-ups).")
  int runs;

  @Option(
      names = "--days",
      defaultValue = "30",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "How many local days the date filter spans, ending at the data's last day.")
  int days;

  @Option(
      names = "--home",
      defaultValue = "${java.io.tmpdir}/sanjeh-dashboards-bench",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "The benchmark ClickHouse's own folder (data kept for --reuse).")
  Path home;

  @Option(
      names = "--reuse",
      defaultValue = "true",
      arity = "1",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Keep data already loaded there when it has exactly --events events.")
  boolean reuse;

  @Override
  public Integer call() throws Exception {
    if (events < 1 || runs < 1 || days < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--events, --runs and --days must be at least 1");
    }
    return DashboardsBench.run(new DashboardsBench.Settings(home, events, runs, days, reuse));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
