package org.sanjeh.batch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sanjeh.batch.BatchJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code churn}: load customer attributes, train and score the churn model. */
@Command(
    name = "churn",
    mixinStandardHelpOptions = true,
    description = "Churn prediction from the ticket history (and optional customer attributes).",
    subcommands = {
      ChurnCommand.LoadAttributes.class,
      ChurnCommand.Train.class,
      ChurnCommand.Score.class
    })
public final class ChurnCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(
      name = "load-attributes",
      mixinStandardHelpOptions = true,
      description = {
        "Loads a customer table (CSV with a header) into customer_attributes: every numeric or"
            + " categorical column the mapping names becomes a feature.",
        "Bad rows are reported with their line and reason and left out; good rows are kept."
      })
  static final class LoadAttributes implements Callable<Integer> {
    @Mixin SparkOptions warehouse;

    @Parameters(index = "0", description = "The CSV file.")
    Path csv;

    @Option(
        names = "--mapping",
        required = true,
        description =
            "JSON: {\"id\": \"customer id column\", \"columns\": {\"name\": \"numeric\" | \"categorical\"}}.")
    Path mapping;

    @Override
    public Integer call() {
      return BatchJobs.loadAttributes(warehouse, csv, mapping);
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the churn model. With --as-of: from the warehouse, time-based split (features as of"
            + " D-2H learn from (D-2H, D-H], tested on D-H with (D-H, D]).",
        "With --attributes FILE.csv --label COLUMN: on a plain customer table, no warehouse;"
            + " prints the validation ROC AUC."
      })
  static final class Train implements Callable<Integer> {
    @Mixin SparkOptions spark;
    @Mixin ModelOptions model;
    @Mixin ChurnOptions churn;

    @Option(
        names = "--as-of",
        description = "Train from the warehouse up to this day (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(names = "--attributes", description = "Train on this customer table instead (CSV).")
    Path attributes;

    @Option(names = "--label", description = "The table's label column (yes/no, true/false, 1/0).")
    String label;

    @Option(
        names = "--id",
        description = "The table's customer id column (default: ${DEFAULT-VALUE}).",
        defaultValue = "customerID")
    String id;

    @Option(names = "--mapping", description = "Column kinds for the table (default: inferred).")
    Path mapping;

    @Override
    public Integer call() {
      if ((asOf == null) == (attributes == null)) {
        throw new IllegalArgumentException(
            "give either --as-of D (train from the warehouse) or --attributes FILE.csv --label COLUMN");
      }
      if (attributes != null) {
        if (label == null) {
          throw new IllegalArgumentException("--attributes needs --label COLUMN");
        }
        return BatchJobs.trainChurnOnTable(spark, model, attributes, mapping, id, label);
      }
      return BatchJobs.trainChurn(spark, model, churn, asOf);
    }
  }

  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description =
          "Scores every customer in contact within --active-within days into churn_scores: probability, risk band, top drivers. Re-running a day replaces it.")
  static final class Score implements Callable<Integer> {
    @Mixin SparkOptions spark;
    @Mixin ModelOptions model;
    @Mixin ChurnOptions churn;

    @Option(
        names = "--as-of",
        required = true,
        description = "The day to score as of (YYYY-MM-DD).")
    LocalDate asOf;

    @Override
    public Integer call() {
      return BatchJobs.scoreChurn(spark, model, churn, asOf);
    }
  }
}
