package org.sanjeh.batch.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batch demo}: what {@code ./sanjeh demo} runs on the demo data, in one call: sentiment of
 * the customers' messages, the rollups of the last 30 days, then churn and dissatisfaction trained
 * (quick grid) and scored. A model that cannot be trained on the data at hand (too little history,
 * one outcome only) is reported and skipped; the other steps still run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Sentiment, rollups, churn and dissatisfaction on the demo data, in one go.")
public final class DemoCommand implements Callable<Integer> {

  @Mixin SparkOptions spark;
  @Mixin ModelOptions model;

  @Option(
      names = "--as-of",
      description = "The day to run as of (default: tomorrow, UTC, so today's events count).")
  LocalDate asOf;

  @Option(
      names = "--time-zone",
      description = "Time zone of the rollups' local days (default: ${DEFAULT-VALUE}).",
      defaultValue = "Asia/Tehran")
  ZoneId zone;

  @Option(
      names = "--sentiment-tickets",
      description =
          "Score the customer messages of the most recent N tickets, a bound on CoreNLP's time"
              + " (0: all history; default: ${DEFAULT-VALUE}; the demo has about 5,000, scored in"
              + " about 30 s on two cores).",
      defaultValue = "20000")
  int sentimentTickets;

  @Override
  public Integer call() {
    LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneId.of("UTC")).plusDays(1);
    return BatchJobs.demo(spark, model, day, zone, sentimentTickets);
  }
}
