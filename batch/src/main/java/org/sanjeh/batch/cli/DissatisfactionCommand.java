package org.sanjeh.batch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dissatisfaction}: which tickets will end in a low survey score, before the answer. */
@Command(
    name = "dissatisfaction",
    mixinStandardHelpOptions = true,
    description =
        "The probability that a ticket ends in a low survey score (CSAT <= 3, NPS detractor, CES <= 3).",
    subcommands = {DissatisfactionCommand.Train.class, DissatisfactionCommand.Score.class})
public final class DissatisfactionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Trains on the tickets answered before --as-of; prints its lift over the base rate on unseen tickets.")
  static final class Train implements Callable<Integer> {
    @Mixin SparkOptions spark;
    @Mixin ModelOptions model;

    @Option(
        names = "--as-of",
        required = true,
        description = "Use answers given before this day (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(
        names = "--policy",
        description = "SLA policy for the breach features (default: the bundled live policy).")
    Path policy;

    @Override
    public Integer call() {
      return BatchJobs.trainDissatisfaction(spark, model, policy, asOf);
    }
  }

  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description =
          "Scores open and recently solved tickets into dissatisfaction_scores; re-running a day replaces it.")
  static final class Score implements Callable<Integer> {
    @Mixin SparkOptions spark;
    @Mixin ModelOptions model;

    @Option(
        names = "--as-of",
        required = true,
        description = "Score the tickets as they stand at the start of this day (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(
        names = "--recent-days",
        description =
            "Also score tickets solved within this many days before (default: ${DEFAULT-VALUE}).",
        defaultValue = "7")
    int recentDays;

    @Option(
        names = "--policy",
        description = "SLA policy for the breach features (default: the bundled live policy).")
    Path policy;

    @Override
    public Integer call() {
      return BatchJobs.scoreDissatisfaction(spark, model, policy, asOf, recentDays);
    }
  }
}
