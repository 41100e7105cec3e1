package org.sanjeh.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.sanjeh.batch.churn.AttributesLoader;
import org.sanjeh.batch.churn.ChurnJob;
import org.sanjeh.batch.churn.Labels;
import org.sanjeh.batch.churn.TableTraining;
import org.sanjeh.batch.cli.ChurnOptions;
import org.sanjeh.batch.cli.ModelOptions;
import org.sanjeh.batch.cli.SparkOptions;
import org.sanjeh.batch.dissatisfaction.DissatisfactionJob;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.ml.ModelTrainer;
import org.sanjeh.batch.rollup.DailyFacts;
import org.sanjeh.batch.rollup.KpiRollup;
import org.sanjeh.batch.sentiment.SentimentJob;
import org.sanjeh.batch.spark.SparkSessions;
import org.sanjeh.batch.whatif.SlaWhatIf;
import org.sanjeh.core.sla.PolicyFile;

/**
 * Where the commands hand off to Spark: one static method per job, with no Spark type in its
 * signature, so the command classes load without Spark on the class path.
 */
public final class BatchJobs {

  private BatchJobs() {}

  static SparkSession session(String job, SparkOptions options) {
    return SparkSessions.forJob(
        "sanjeh-batch-" + job, options.master, options.shufflePartitions, options.verbose);
  }

  public static int rollups(
      SparkOptions options, LocalDate from, LocalDate to, ZoneId zone, LocalTime backlogAt) {
    Stages stages = new Stages("rollups", System.err);
    SparkSession spark = session("rollups", options);
    stages.done("Spark session", spark.sparkContext().master());
    KpiRollup.run(
        spark,
        new ClickHouseTables(options.warehouse()),
        new DailyFacts(zone, from, to, backlogAt),
        options.readSlices,
        stages);
    return 0;
  }

  public static int sentiment(SparkOptions options, LocalDate from, LocalDate to) {
    Stages stages = new Stages("sentiment", System.err);
    SparkSession spark = session("sentiment", options);
    stages.done("Spark session", spark.sparkContext().master());
    SentimentJob.run(
        spark, new ClickHouseTables(options.warehouse()), from, to, options.readSlices, stages);
    return 0;
  }

  public static int slaWhatIf(
      SparkOptions options, Path policy, String scenario, LocalDate from, LocalDate to, int show) {
    Stages stages = new Stages("sla-whatif", System.err);
    String text = PolicyFile.readText(policy);
    String name =
        scenario.isEmpty() ? PolicyFile.parse(text, policy.toString()).policy().name() : scenario;
    SparkSession spark = session("sla-whatif", options);
    stages.done("Spark session", spark.sparkContext().master());
    SlaWhatIf.run(
        spark,
        new ClickHouseTables(options.warehouse()),
        text,
        name,
        from,
        to,
        options.readSlices,
        show,
        System.out,
        stages);
    return 0;
  }

  public static int loadAttributes(SparkOptions options, Path csv, Path mapping) {
    AttributesLoader.load(options.warehouse().open(), csv, mapping, System.err);
    return 0;
  }

  public static int trainChurnOnTable(
      SparkOptions options, ModelOptions model, Path csv, Path mapping, String id, String label) {
    Stages stages = new Stages("churn train", System.err);
    SparkSession spark = session("churn-train", options);
    TableTraining.train(
        spark, csv, mapping, id, label, grid(model), model.models, System.out, stages);
    return 0;
  }

  public static int trainChurn(
      SparkOptions options, ModelOptions model, ChurnOptions churn, LocalDate asOf) {
    Stages stages = new Stages("churn train", System.err);
    SparkSession spark = session("churn-train", options);
    ChurnJob.train(
        spark,
        new ClickHouseTables(options.warehouse()),
        asOf,
        churnSettings(options, churn),
        grid(model),
        model.models,
        System.out,
        stages);
    return 0;
  }

  public static int scoreChurn(
      SparkOptions options, ModelOptions model, ChurnOptions churn, LocalDate asOf) {
    Stages stages = new Stages("churn score", System.err);
    SparkSession spark = session("churn-score", options);
    ChurnJob.score(
        spark,
        new ClickHouseTables(options.warehouse()),
        asOf,
        churnSettings(options, churn),
        model.models,
        stages);
    return 0;
  }

  static ModelTrainer.Settings grid(ModelOptions model) {
    return new ModelTrainer.Settings(model.quick, model.trees);
  }

  static ChurnJob.Settings churnSettings(SparkOptions options, ChurnOptions churn) {
    return new ChurnJob.Settings(
        policyText(churn.policy),
        options.readSlices,
        churn.horizonDays,
        churn.activeWithinDays,
        churn.labels,
        churn.statusAttribute);
  }

  static String policyText(Path policy) {
    return policy == null ? PolicyFile.defaultText() : PolicyFile.readText(policy);
  }

  public static int trainDissatisfaction(
      SparkOptions options, ModelOptions model, Path policy, LocalDate asOf) {
    Stages stages = new Stages("dissatisfaction train", System.err);
    SparkSession spark = session("dissatisfaction-train", options);
    DissatisfactionJob.train(
        spark,
        new ClickHouseTables(options.warehouse()),
        asOf,
        policyText(policy),
        options.readSlices,
        grid(model),
        model.models,
        System.out,
        stages);
    return 0;
  }

  public static int scoreDissatisfaction(
      SparkOptions options, ModelOptions model, Path policy, LocalDate asOf, int recentDays) {
    Stages stages = new Stages("dissatisfaction score", System.err);
    SparkSession spark = session("dissatisfaction-score", options);
    DissatisfactionJob.score(
        spark,
        new ClickHouseTables(options.warehouse()),
        asOf,
        recentDays,
        policyText(policy),
        options.readSlices,
        model.models,
        stages);
    return 0;
  }

  /**
   * The demo's one entry point, over whatever the warehouse holds: sentiment of the customers'
   * messages (the most recent {@code sentimentTickets} tickets; 0: all), the rollups of the 30 days
   * before {@code asOf}, then churn (horizon 14 days; labels from the {@code churned_on} attribute
   * if a data team loaded one, else from inactivity) and dissatisfaction, each trained with the
   * quick grid and scored. Sentiment runs first so that both models have its features. A model the
   * data cannot support (too few labels, one outcome only) is reported and skipped; a stage that
   * fails is reported and the others still run. Returns 0 unless a stage failed.
   */
  public static int demo(
      SparkOptions options, ModelOptions model, LocalDate asOf, ZoneId zone, int sentimentTickets) {
    Stages stages = new Stages("batch demo", System.err);
    SparkSession spark = session("demo", options);
    stages.done("Spark session", spark.sparkContext().master());
    ClickHouseTables tables = new ClickHouseTables(options.warehouse());
    DemoStages demo = new DemoStages(stages);
    demo.run(
        "sentiment",
        () -> {
          LocalDate to = asOf.minusDays(1);
          LocalDate from = SentimentJob.firstDayOfMostRecent(tables, to, sentimentTickets);
          stages.done(
              "sentiment period",
              from.equals(SentimentJob.ALL_HISTORY)
                  ? "every ticket first written up to %s".formatted(to)
                  : ("tickets first written %s to %s: the most recent %,d or so"
                          + " (--sentiment-tickets bounds CoreNLP's time)")
                      .formatted(from, to, sentimentTickets));
          SentimentJob.run(spark, tables, from, to, options.readSlices, stages);
        });
    demo.run(
        "rollups",
        () ->
            KpiRollup.run(
                spark,
                tables,
                new DailyFacts(zone, asOf.minusDays(30), asOf.minusDays(1), null),
                options.readSlices,
                stages));
    ModelTrainer.Settings quick = new ModelTrainer.Settings(true, model.trees);
    demo.run(
        "churn",
        () -> {
          Labels labels =
              ChurnJob.hasStatus(tables, "churned_on") ? Labels.STATUS : Labels.INACTIVITY;
          stages.done(
              "churn labels",
              labels == Labels.STATUS
                  ? "attribute churned_on"
                  : "inactivity (no churned_on attribute loaded)");
          ChurnJob.Settings churn =
              new ChurnJob.Settings(
                  PolicyFile.defaultText(), options.readSlices, 14, 180, labels, "churned_on");
          ChurnJob.train(spark, tables, asOf, churn, quick, model.models, System.out, stages);
          ChurnJob.score(spark, tables, asOf, churn, model.models, stages);
        });
    demo.run(
        "dissatisfaction",
        () -> {
          DissatisfactionJob.train(
              spark,
              tables,
              asOf,
              PolicyFile.defaultText(),
              options.readSlices,
              quick,
              model.models,
              System.out,
              stages);
          DissatisfactionJob.score(
              spark,
              tables,
              asOf,
              7,
              PolicyFile.defaultText(),
              options.readSlices,
              model.models,
              stages);
        });
    stages.done("done", demo.summary());
    return demo.failed() ? 1 : 0;
  }
}
