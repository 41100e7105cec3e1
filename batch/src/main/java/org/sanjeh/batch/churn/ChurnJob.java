package org.sanjeh.batch.churn;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.ReadPartition;
import org.sanjeh.batch.io.TicketHistories;
import org.sanjeh.batch.ml.Drivers;
import org.sanjeh.batch.ml.FeatureSpec;
import org.sanjeh.batch.ml.ModelCard;
import org.sanjeh.batch.ml.ModelTrainer;
import org.sanjeh.batch.sentiment.SentimentFeatures;

/**
 * Churn from the warehouse: features per customer as of a date ({@link ChurnFeatures}, the customer
 * attributes a data team loaded), labels from inactivity or a status attribute, a time-based split,
 * training ({@link ModelTrainer}) and scoring into {@code churn_scores}.
 *
 * <p>Time-based split for {@code --as-of D --horizon H}: the model learns from customers as they
 * stood at D−2H with what happened to them in (D−2H, D−H] (a fifth of them, by a seeded hash, held
 * out for model selection), and is tested on customers as they stood at D−H with what happened in
 * (D−H, D]: nothing it learned from lies after D−H.
 */
public final class ChurnJob {

  public static final String KIND = "churn";
  public static final String SCORES = "churn_scores";

  /** What a snapshot needs besides the warehouse. */
  public record Settings(
      String policyText,
      int slices,
      int horizonDays,
      int activeWithinDays,
      Labels labels,
      String statusAttribute) {}

  private ChurnJob() {}

  /** Customers as of {@code asOf}: ticket features, survey features and loaded attributes. */
  public static Snapshot snapshot(
      SparkSession spark, ClickHouseTables tables, Instant asOf, Settings settings) {
    Dataset<Row> tickets =
        TicketHistories.map(
            spark,
            tables.link(),
            "occurred_at < toDateTime(%d) AND customer_id != ''".formatted(asOf.getEpochSecond()),
            settings.slices(),
            new TicketSummary(asOf, settings.policyText()),
            TicketSummary.SCHEMA);
    Dataset<Row> features =
        ChurnFeatures.build(
            tickets,
            surveys(spark, tables, settings.slices()),
            SentimentFeatures.messagesBefore(spark, tables, asOf, settings.slices()),
            asOf);
    features = features.filter(col("days_since_last_contact").leq(settings.activeWithinDays()));
    Attributes attributes = attributes(spark, tables, settings.statusAttribute());
    if (attributes.rows() != null) {
      features = features.join(attributes.rows(), scalaSeq("customer_id"), "left");
    }
    List<String> numeric = new ArrayList<>(ChurnFeatures.NUMERIC);
    numeric.addAll(attributes.numeric());
    List<String> categorical = new ArrayList<>(ChurnFeatures.CATEGORICAL);
    categorical.addAll(attributes.categorical());
    return new Snapshot(features, new FeatureSpec(numeric, categorical));
  }

  /** Customers with their features, and which columns are features. */
  public record Snapshot(Dataset<Row> rows, FeatureSpec spec) {}

  private record Attributes(Dataset<Row> rows, List<String> numeric, List<String> categorical) {}

  /** customer_attributes as one column per attribute, named attr_NAME; the status one left out. */
  private static Attributes attributes(SparkSession spark, ClickHouseTables tables, String status) {
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("attribute", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("num_value", DataTypes.DoubleType, true)
            .add("str_value", DataTypes.StringType, false);
    Dataset<Row> long_ =
        tables
            .read(
                spark,
                "SELECT customer_id, attribute, kind, num_value, str_value FROM customer_attributes FINAL WHERE $slice",
                schema,
                ReadPartition.byKey("customer_id", 2))
            .filter(col("attribute").notEqual(status))
            .cache();
    List<Row> names =
        long_.select("attribute", "kind").distinct().orderBy("attribute").collectAsList();
    if (names.isEmpty()) {
      return new Attributes(null, List.of(), List.of());
    }
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    List<Column> pivots = new ArrayList<>();
    for (Row name : names) {
      String attribute = name.getString(0);
      String column = "attr_" + attribute.replaceAll("[^A-Za-z0-9_]", "_");
      boolean isNumeric = name.getString(1).equals("numeric");
      Column value = isNumeric ? col("num_value") : col("str_value");
      pivots.add(max(when(col("attribute").equalTo(attribute), value)).as(column));
      (isNumeric ? numeric : categorical).add(column);
    }
    Dataset<Row> wide =
        long_
            .groupBy("customer_id")
            .agg(pivots.get(0), pivots.subList(1, pivots.size()).toArray(Column[]::new));
    return new Attributes(wide, numeric, categorical);
  }

  /** Survey answers with their customer: customer_id, kind, score, answered_ms. */
  static Dataset<Row> surveys(SparkSession spark, ClickHouseTables tables, int slices) {
    return surveysWithTickets(spark, tables, slices)
        .select("customer_id", "kind", "score", "answered_ms");
  }

  /** survey_responses joined to survey_invitations: who answered what about which ticket, when. */
  public static Dataset<Row> surveysWithTickets(
      SparkSession spark, ClickHouseTables tables, int slices) {
    Dataset<Row> responses =
        tables.read(
            spark,
            "SELECT invitation_id, kind, toInt32(score), toUInt64(toUInt32(answered_at)) * 1000"
                + " FROM survey_responses FINAL WHERE $slice",
            new StructType()
                .add("invitation_id", DataTypes.StringType, false)
                .add("kind", DataTypes.StringType, false)
                .add("score", DataTypes.IntegerType, false)
                .add("answered_ms", DataTypes.LongType, false),
            ReadPartition.byKey("invitation_id", Math.max(1, slices / 4)));
    Dataset<Row> invitations =
        tables.read(
            spark,
            "SELECT invitation_id, customer_id, ticket_id FROM survey_invitations FINAL WHERE $slice",
            new StructType()
                .add("invitation_id", DataTypes.StringType, false)
                .add("customer_id", DataTypes.StringType, false)
                .add("ticket_id", DataTypes.StringType, false),
            ReadPartition.byKey("invitation_id", Math.max(1, slices / 4)));
    return responses.join(invitations, "invitation_id");
  }

  /** True when a data team loaded the status attribute for at least one customer. */
  public static boolean hasStatus(ClickHouseTables tables, String attribute) {
    return tables
            .link()
            .open()
            .query(
                "SELECT count() FROM customer_attributes WHERE attribute = ?",
                List.of(attribute),
                row -> row.getLong(1))
            .get(0)
        > 0;
  }

  /** Per customer: 1.0 if they churned within the horizon after {@code asOf}. */
  static Dataset<Row> labels(
      SparkSession spark, ClickHouseTables tables, Instant asOf, Settings settings) {
    Instant end = asOf.plus(Duration.ofDays(settings.horizonDays()));
    if (settings.labels() == Labels.INACTIVITY) {
      LocalDate from = asOf.atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate to = end.atZone(ZoneOffset.UTC).toLocalDate();
      Dataset<Row> active =
          tables
              .read(
                  spark,
                  ("SELECT DISTINCT customer_id FROM ticket_events WHERE ($slice)"
                          + " AND occurred_at >= toDateTime(%d) AND occurred_at < toDateTime(%d) AND customer_id != ''")
                      .formatted(asOf.getEpochSecond(), end.getEpochSecond()),
                  new StructType().add("customer_id", DataTypes.StringType, false),
                  ReadPartition.byMonth("occurred_at", from, to))
              .distinct()
              .withColumn("active", lit(1));
      return active;
    }
    Dataset<Row> status =
        tables.read(
            spark,
            "SELECT customer_id, str_value FROM customer_attributes FINAL WHERE ($slice) AND attribute = '%s'"
                .formatted(settings.statusAttribute().replace("'", "")),
            new StructType()
                .add("customer_id", DataTypes.StringType, false)
                .add("churned_on", DataTypes.StringType, false),
            ReadPartition.byKey("customer_id", 2));
    return status.withColumn("churned_on", col("churned_on").cast(DataTypes.DateType));
  }

  /** The snapshot's customers with {@value ModelTrainer#LABEL}; those gone before are left out. */
  static Dataset<Row> labelled(
      Dataset<Row> customers, Dataset<Row> labels, Instant asOf, Settings settings) {
    if (settings.labels() == Labels.INACTIVITY) {
      return customers
          .join(labels, scalaSeq("customer_id"), "left")
          .withColumn(ModelTrainer.LABEL, when(col("active").isNull(), 1.0).otherwise(0.0))
          .drop("active");
    }
    LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate end = day.plusDays(settings.horizonDays());
    Column churned = col("churned_on");
    return customers
        .join(labels, scalaSeq("customer_id"), "left")
        .filter(churned.isNull().or(churned.geq(lit(day))))
        .withColumn(
            ModelTrainer.LABEL,
            when(churned.isNotNull().and(churned.lt(lit(end))), 1.0).otherwise(0.0))
        .drop("churned_on");
  }

  public static Path train(
      SparkSession spark,
      ClickHouseTables tables,
      LocalDate asOfDay,
      Settings settings,
      ModelTrainer.Settings grid,
      Path models,
      PrintStream out,
      Stages stages) {
    Instant asOf = asOfDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant testAt = asOf.minus(Duration.ofDays(settings.horizonDays()));
    Instant trainAt = testAt.minus(Duration.ofDays(settings.horizonDays()));
    Snapshot train = snapshot(spark, tables, trainAt, settings);
    Snapshot test = snapshot(spark, tables, testAt, settings);
    Dataset<Row> trainRows =
        labelled(train.rows(), labels(spark, tables, trainAt, settings), trainAt, settings)
            .withColumn(
                ModelTrainer.SPLIT,
                when(
                        abs(hash(col("customer_id"), lit(ModelTrainer.SEED))).mod(5).equalTo(0),
                        "validation")
                    .otherwise("train"));
    Dataset<Row> testRows =
        labelled(test.rows(), labels(spark, tables, testAt, settings), testAt, settings)
            .withColumn(ModelTrainer.SPLIT, lit("test"));
    stages.done("features and labels", "as of %s (train) and %s (test)".formatted(trainAt, testAt));
    ModelTrainer.Trained trained =
        ModelTrainer.train(trainRows.unionByName(testRows, true), train.spec(), grid, stages);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("as_of", asOfDay.toString());
    context.put("train_features_as_of", trainAt.toString());
    context.put("test_features_as_of", testAt.toString());
    context.put("horizon_days", settings.horizonDays());
    context.put(
        "label",
        settings.labels() == Labels.INACTIVITY
            ? "no ticket event within the horizon (customers in contact within %d days before)"
                .formatted(settings.activeWithinDays())
            : "attribute %s within the horizon".formatted(settings.statusAttribute()));
    context.put(
        "features",
        "ticket history before the as-of instant only (sentiment: the customer's messages"
            + " written before it, from sentiment_messages; missing sentiment imputed with the"
            + " median); customer attributes as loaded (static)");
    Path saved = ModelCard.save(models, KIND, trained, context);
    printSummary(out, trained, saved);
    stages.done("saved", saved.toString());
    return saved;
  }

  public static void printSummary(PrintStream out, ModelTrainer.Trained trained, Path saved) {
    trained
        .validationAuc()
        .forEach((name, auc) -> out.printf("validation ROC AUC %.4f  %s%n", auc, name));
    out.printf(
        "chosen: %s; on %d unseen test rows: ROC AUC %.4f, PR AUC %.4f, base rate %.3f, top-decile lift %.2f%n",
        trained.chosen(),
        trained.test().count(),
        trained.test().rocAuc(),
        trained.test().prAuc(),
        trained.test().baseRate(),
        trained.test().liftByDecile().get(0).lift());
    out.println("model, model card and report: " + saved);
  }

  /** Scores every active customer as of the day into churn_scores (a re-run replaces the day). */
  public static long score(
      SparkSession spark,
      ClickHouseTables tables,
      LocalDate asOfDay,
      Settings settings,
      Path models,
      Stages stages) {
    ModelCard.Loaded model = ModelCard.load(models, KIND);
    Instant asOf = asOfDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Snapshot snapshot = snapshot(spark, tables, asOf, settings);
    Dataset<Row> scored = scoreRows(snapshot.rows(), snapshot.spec(), model);
    long version = ClickHouseTables.newVersion();
    Dataset<Row> rows =
        scored.select(
            lit(asOfDay).as("as_of"),
            col("customer_id"),
            lit(model.version()).as("model_version"),
            col(ModelTrainer.PROBABILITY).as("probability"),
            col("risk_band"),
            col("top_drivers"),
            lit(version).as("version"));
    long written =
        tables.replace(rows, SCORES, "as_of = toDate('%s')".formatted(asOfDay), "version", version);
    stages.done("scored into " + SCORES, written + " customers with " + model.version());
    return written;
  }

  /** Probability, risk band and top drivers for rows that have the model's feature columns. */
  public static Dataset<Row> scoreRows(
      Dataset<Row> rows, FeatureSpec spec, ModelCard.Loaded model) {
    Dataset<Row> typed = ModelTrainer.typed(rows, spec);
    Dataset<Row> scored = ModelTrainer.withProbability(model.model().transform(typed));
    Column p = col(ModelTrainer.PROBABILITY);
    return scored
        .withColumn(
            "risk_band",
            when(p.geq(model.highFrom()), "high")
                .when(p.geq(model.mediumFrom()), "medium")
                .otherwise("low"))
        .withColumn("top_drivers", Drivers.column(model.featureNames(), model.driverWeights()));
  }

  public static scala.collection.immutable.Seq<String> scalaSeq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
