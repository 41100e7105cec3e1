package org.sanjeh.batch.dissatisfaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.churn.ChurnJob;
import org.sanjeh.batch.churn.LowScore;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.batch.ml.FeatureSpec;
import org.sanjeh.batch.ml.ModelCard;
import org.sanjeh.batch.ml.ModelTrainer;
import org.sanjeh.batch.sentiment.SentimentFeatures;

/**
 * Dissatisfaction before the customer says so: the probability that a ticket ends in a low score
 * (CSAT ≤ 3, NPS detractor, CES ≤ 3), learned from tickets whose customers answered, from what was
 * known while the ticket was open ({@link OpenTicketState}) and the customer's earlier tickets.
 * Same training, model card and scoring path as churn. Time-based split on ticket creation: the
 * oldest 60% of answered tickets train, the next 20% select, the newest 20% test.
 */
public final class DissatisfactionJob {

  public static final String KIND = "dissatisfaction";
  public static final String SCORES = "dissatisfaction_scores";

  public static final FeatureSpec SPEC =
      new FeatureSpec(
          List.of(
              "open_h",
              "frt_h",
              "fr_breached",
              "nr_breached",
              "res_breached",
              "waiting_h",
              "reopens",
              "customer_messages",
              "replies",
              "reassignments",
              "prior_tickets",
              "prior_breaches",
              SentimentFeatures.LEVEL,
              SentimentFeatures.TREND),
          List.of("channel", "team", "priority"));

  private DissatisfactionJob() {}

  /** Every ticket as it was while open, as of {@code asOf}, with its customer's earlier tickets. */
  public static Dataset<Row> tickets(
      SparkSession spark, ClickHouseTables tables, Instant asOf, String policyText, int slices) {
    Dataset<Row> states =
        TicketHistories.map(
            spark,
            tables.link(),
            "occurred_at < toDateTime(%d)".formatted(asOf.getEpochSecond()),
            slices,
            new OpenTicketState(asOf, policyText),
            OpenTicketState.SCHEMA);
    return withSentiment(
        withHistory(states), SentimentFeatures.messagesBefore(spark, tables, asOf, slices));
  }

  /**
   * The ticket's {@value SentimentFeatures#LEVEL} and {@value SentimentFeatures#TREND} from its
   * customer messages written before its prediction point ({@code cutoff_ms}: the last solve, or
   * the as-of instant while open); null when none was scored (the model imputes it).
   */
  public static Dataset<Row> withSentiment(Dataset<Row> states, Dataset<Row> sentiment) {
    Dataset<Row> said =
        SentimentFeatures.levelAndTrend(
            sentiment
                .join(states.select("ticket_id", "cutoff_ms"), "ticket_id")
                .filter(col("at_ms").lt(col("cutoff_ms"))),
            "ticket_id");
    return states.join(said, ChurnJob.scalaSeq("ticket_id"), "left");
  }

  /** prior_tickets and prior_breaches: the customer's tickets created before this one. */
  public static Dataset<Row> withHistory(Dataset<Row> states) {
    WindowSpec earlier =
        Window.partitionBy("customer_id")
            .orderBy("created_ms", "ticket_id")
            .rowsBetween(Window.unboundedPreceding(), -1);
    Dataset<Row> breaches =
        states.withColumn(
            "breaches", col("fr_breached").plus(col("nr_breached")).plus(col("res_breached")));
    return breaches
        .withColumn(
            "prior_tickets", functions.count(lit(1)).over(earlier).cast(DataTypes.DoubleType))
        .withColumn(
            "prior_breaches",
            functions.coalesce(functions.sum(col("breaches")).over(earlier), lit(0.0)))
        .drop("breaches");
  }

  /** Per ticket with an answer before {@code asOf}: label 1.0 if any answer was low. */
  static Dataset<Row> labels(
      SparkSession spark, ClickHouseTables tables, Instant asOf, int slices) {
    return ChurnJob.surveysWithTickets(spark, tables, slices)
        .filter(col("answered_ms").lt(asOf.toEpochMilli()))
        .groupBy("ticket_id")
        .agg(
            max(when(LowScore.isLow(col("kind"), col("score")), 1.0).otherwise(0.0))
                .as(ModelTrainer.LABEL));
  }

  /** The oldest 60% by creation train, the next 20% validate, the newest 20% test. */
  static Dataset<Row> timeSplit(Dataset<Row> answered) {
    double[] cuts = answered.stat().approxQuantile("created_ms", new double[] {0.6, 0.8}, 0.001);
    return answered.withColumn(
        ModelTrainer.SPLIT,
        when(col("created_ms").lt(cuts[0]), "train")
            .when(col("created_ms").lt(cuts[1]), "validation")
            .otherwise("test"));
  }

  public static Path train(
      SparkSession spark,
      ClickHouseTables tables,
      LocalDate asOfDay,
      String policyText,
      int slices,
      ModelTrainer.Settings grid,
      Path models,
      PrintStream out,
      Stages stages) {
    Instant asOf = asOfDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Dataset<Row> answered =
        tickets(spark, tables, asOf, policyText, slices)
            .filter(col("solved"))
            .join(labels(spark, tables, asOf, slices), "ticket_id");
    Dataset<Row> split = timeSplit(answered);
    stages.done("open-ticket features and survey labels", "as of " + asOf);
    ModelTrainer.Trained trained = ModelTrainer.train(split, SPEC, grid, stages);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("as_of", asOfDay.toString());
    context.put(
        "label",
        "the ticket's survey answer is low: CSAT <= 3 of 5, NPS <= 6 of 10, CES <= 3 of 7");
    context.put(
        "features",
        "what was known while the ticket was open (up to its last solve; sentiment of its customer"
            + " messages before then, missing sentiment imputed with the median), and the"
            + " customer's earlier tickets");
    context.put(
        "split", "by ticket creation: oldest 60% train, next 20% validation, newest 20% test");
    Path saved = ModelCard.save(models, KIND, trained, context);
    ChurnJob.printSummary(out, trained, saved);
    out.printf(
        "lift over the base rate on unseen tickets: the riskiest tenth holds %.1fx the base rate of low scores (%.1f%%)%n",
        trained.test().liftByDecile().get(0).lift(), 100 * trained.test().baseRate());
    return saved;
  }

  /**
   * Scores the tickets open at the day's start and those solved within {@code recentDays} before it
   * into dissatisfaction_scores (a re-run replaces the day).
   */
  public static long score(
      SparkSession spark,
      ClickHouseTables tables,
      LocalDate asOfDay,
      int recentDays,
      String policyText,
      int slices,
      Path models,
      Stages stages) {
    ModelCard.Loaded model = ModelCard.load(models, KIND);
    Instant asOf = asOfDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    long recent = asOf.minus(Duration.ofDays(recentDays)).toEpochMilli();
    Dataset<Row> candidates =
        tickets(spark, tables, asOf, policyText, slices)
            .filter(col("solved").equalTo(false).or(col("cutoff_ms").geq(recent)));
    Dataset<Row> scored = ChurnJob.scoreRows(candidates, SPEC, model);
    long version = ClickHouseTables.newVersion();
    Dataset<Row> rows =
        scored.select(
            lit(asOfDay).as("as_of"),
            col("ticket_id"),
            col("customer_id"),
            col("team"),
            col("channel"),
            col("priority"),
            col("ticket_status"),
            lit(model.version()).as("model_version"),
            col(ModelTrainer.PROBABILITY).as("probability"),
            col("risk_band"),
            col("top_drivers"),
            lit(version).as("version"));
    long written =
        tables.replace(rows, SCORES, "as_of = toDate('%s')".formatted(asOfDay), "version", version);
    stages.done(
        "scored into " + SCORES,
        written + " open and recently solved tickets with " + model.version());
    return written;
  }
}
