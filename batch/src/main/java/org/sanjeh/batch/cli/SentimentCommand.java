package org.sanjeh.batch.cli;

import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code batch sentiment --from D --to D}: customer messages and tickets into ClickHouse. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the customer messages (not agent replies, notes or bots) of the tickets whose first"
          + " customer message falls in the period (local days): English with CoreNLP, Persian"
          + " with Sanjeh's lexicon. Writes sentiment_messages and sentiment_tickets (level and"
          + " trend per ticket).",
      "Re-running a period replaces its rows; messages already scored by the same model version"
          + " are not scored again."
    })
public final class SentimentCommand implements Callable<Integer> {

  @Mixin SparkOptions spark;

  @ArgGroup(exclusive = false, multiplicity = "1")
  PeriodOptions period;

  @Override
  public Integer call() {
    period.check();
    return BatchJobs.sentiment(spark, period.from, period.to);
  }
}
