package org.sanjeh.batch.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.ml.FeatureSpec;
import org.sanjeh.batch.ml.ModelTrainer;
import org.sanjeh.batch.spark.SparkSessions;

/**
 * Churn training time at scale (docs/benchmarks.md): N generated customers × 30 features (28
 * numeric, a few missing; 2 categorical), a planted signal in three of them, split 60/20/20. In one
 * run: the baseline (one logistic regression on the assembled features, no selection), the quick
 * grid (one LR, one GBT) and the full grid (two LR, two GBT) of {@link ModelTrainer}.
 *
 * <p>{@code java -cp 'batch/target/classes:batch/target/lib/*'
 * org.sanjeh.batch.bench.ChurnTrainingBench CUSTOMERS [full|quick|baseline ...]}
 */
public final class ChurnTrainingBench {

  private static final int NUMERIC = 28;

  private ChurnTrainingBench() {}

  public static void main(String[] args) {
    long customers = Long.parseLong(args.length > 0 ? args[0] : "200000");
    List<String> modes =
        args.length > 1
            ? List.of(args).subList(1, args.length)
            : List.of("baseline", "quick", "full");
    SparkSession spark = SparkSessions.forJob("sanjeh-bench-churn", "local[*]", 8);
    run(spark, customers, modes, System.out);
    spark.stop();
  }

  static Dataset<Row> customers(SparkSession spark, long n) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("id").cast(DataTypes.StringType).as("customer_id"));
    for (int i = 0; i < NUMERIC; i++) {
      Column value = randn(1000L + i);
      columns.add(when(rand(2000L + i).lt(0.02), lit(null)).otherwise(value).as("n" + i));
    }
    columns.add(
        when(rand(3000L).lt(0.5), "monthly")
            .when(rand(3001L).lt(0.5), "yearly")
            .otherwise("two-year")
            .as("plan"));
    columns.add(abs(hash(col("id"))).mod(12).cast(DataTypes.StringType).as("region"));
    Dataset<Row> base = spark.range(n).select(columns.toArray(Column[]::new));
    Column logit =
        lit(-1.2)
            .plus(col("n0").multiply(0.9))
            .minus(col("n1").multiply(0.6))
            .plus(when(col("plan").equalTo("monthly"), 0.8).otherwise(0.0));
    Column p = lit(1.0).divide(lit(1.0).plus(exp(functions_coalesce(logit).multiply(-1))));
    Column bucket = abs(hash(col("customer_id"), lit(7))).mod(10);
    return base.withColumn(ModelTrainer.LABEL, when(rand(4000L).lt(p), 1.0).otherwise(0.0))
        .withColumn(
            ModelTrainer.SPLIT,
            when(bucket.lt(6), "train").when(bucket.lt(8), "validation").otherwise("test"));
  }

  private static Column functions_coalesce(Column logit) {
    return org.apache.spark.sql.functions.coalesce(logit, lit(-1.2));
  }

  static void run(SparkSession spark, long n, List<String> modes, PrintStream out) {
    List<String> numeric = new ArrayList<>();
    for (int i = 0; i < NUMERIC; i++) {
      numeric.add("n" + i);
    }
    FeatureSpec spec = new FeatureSpec(numeric, List.of("plan", "region"));
    Dataset<Row> data = customers(spark, n).cache();
    long started = System.nanoTime();
    data.count();
    out.printf(
        Locale.ROOT,
        "bench churn: %,d customers x %d features generated in %.1f s%n",
        n,
        spec.size(),
        seconds(started));
    for (String mode : modes) {
      Stages stages = new Stages("bench churn " + mode, System.err);
      started = System.nanoTime();
      String result;
      if (mode.equals("baseline")) {
        result = baseline(data, spec);
      } else {
        ModelTrainer.Trained t =
            ModelTrainer.train(
                data, spec, new ModelTrainer.Settings(mode.equals("quick"), 30), stages);
        result = "chose %s, test ROC AUC %.4f".formatted(t.chosen(), t.test().rocAuc());
      }
      out.printf(
          Locale.ROOT,
          "bench churn %-8s %,9d customers: %6.1f s  %s%n",
          mode,
          n,
          seconds(started),
          result);
    }
    data.unpersist();
  }

  /** One logistic regression on the same features, no selection, no test metrics: the floor. */
  private static String baseline(Dataset<Row> data, FeatureSpec spec) {
    Dataset<Row> train =
        ModelTrainer.typed(data.filter(col(ModelTrainer.SPLIT).equalTo("train")), spec);
    var features =
        new org.apache.spark.ml.Pipeline()
            .setStages(ModelTrainer.featureStagesForBench(spec))
            .fit(train);
    new LogisticRegression()
        .setFeaturesCol(ModelTrainer.FEATURES)
        .setLabelCol(ModelTrainer.LABEL)
        .setMaxIter(50)
        .setRegParam(0.01)
        .fit(features.transform(train));
    return "one logistic regression";
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
