package org.sanjeh.batch.churn;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.ml.FeatureSpec;
import org.sanjeh.batch.sentiment.SentimentFeatures;

/**
 * Churn features per customer as of an instant, from ticket history only ({@link TicketSummary}
 * rows, each computed from the events before the instant), survey answers given before it and the
 * sentiment of the customer's messages written before it ({@link SentimentFeatures}: level over all
 * of them, trend from the first to the last).
 */
public final class ChurnFeatures {

  /** Survey answers: customer, kind (csat, nps, ces), score, answered_ms. */
  public static final StructType SURVEYS =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("score", DataTypes.IntegerType, false)
          .add("answered_ms", DataTypes.LongType, false);

  public static final List<String> NUMERIC =
      List.of(
          "tickets_total",
          "tickets_30d",
          "tickets_90d",
          "open_tickets",
          "channels_used",
          "frt_mean_h",
          "frt_max_h",
          "resolution_mean_h",
          "fr_breaches",
          "sla_breaches",
          "breach_share",
          "reopens",
          "replies_per_ticket",
          "customer_messages_per_ticket",
          "days_since_last_contact",
          "tenure_days",
          "csat_mean",
          "nps_mean",
          "ces_mean",
          "surveys_answered",
          "low_scores",
          SentimentFeatures.LEVEL,
          SentimentFeatures.TREND);

  public static final List<String> CATEGORICAL = List.of("main_channel", "tier");

  public static final FeatureSpec SPEC = new FeatureSpec(NUMERIC, CATEGORICAL);

  private static final long DAY_MS = 86_400_000L;

  private ChurnFeatures() {}

  /**
   * One row per customer with a ticket before {@code asOf}: customer_id and the features. {@code
   * sentiment} holds scored customer messages ({@link SentimentFeatures#MESSAGES}); only those of
   * the customer's tickets written before {@code asOf} count. A customer with none gets null
   * sentiment features (imputed by the model, not dropped).
   */
  public static Dataset<Row> build(
      Dataset<Row> tickets, Dataset<Row> surveys, Dataset<Row> sentiment, Instant asOf) {
    long t = asOf.toEpochMilli();
    Dataset<Row> before = tickets.filter(col("created_ms").lt(t));
    Dataset<Row> perCustomer =
        before
            .groupBy("customer_id")
            .agg(
                count(lit(1)).cast(DataTypes.DoubleType).as("tickets_total"),
                sum(within(t, 30)).cast(DataTypes.DoubleType).as("tickets_30d"),
                sum(within(t, 90)).cast(DataTypes.DoubleType).as("tickets_90d"),
                sum(col("open")).cast(DataTypes.DoubleType).as("open_tickets"),
                countDistinct(col("channel")).cast(DataTypes.DoubleType).as("channels_used"),
                avg(col("frt_h")).as("frt_mean_h"),
                max(col("frt_h")).as("frt_max_h"),
                avg(col("resolution_h")).as("resolution_mean_h"),
                sum(col("fr_breached")).cast(DataTypes.DoubleType).as("fr_breaches"),
                sum(col("breaches")).cast(DataTypes.DoubleType).as("sla_breaches"),
                sum(col("reopens")).cast(DataTypes.DoubleType).as("reopens"),
                avg(col("replies")).as("replies_per_ticket"),
                avg(col("customer_messages")).as("customer_messages_per_ticket"),
                max(col("last_ms")).as("last_ms"),
                min(col("created_ms")).as("first_ms"),
                functions.max_by(col("tier"), col("last_ms")).as("tier"))
            .withColumn("breach_share", col("sla_breaches").divide(col("tickets_total")))
            .withColumn("days_since_last_contact", lit(t).minus(col("last_ms")).divide(DAY_MS))
            .withColumn("tenure_days", lit(t).minus(col("first_ms")).divide(DAY_MS))
            .drop("last_ms", "first_ms");
    Dataset<Row> mainChannel =
        before
            .groupBy("customer_id", "channel")
            .agg(count(lit(1)).as("n"))
            .withColumn(
                "rank",
                functions
                    .row_number()
                    .over(
                        Window.partitionBy("customer_id").orderBy(col("n").desc(), col("channel"))))
            .filter(col("rank").equalTo(1))
            .select(col("customer_id"), col("channel").as("main_channel"));
    Dataset<Row> answered =
        surveys
            .filter(col("answered_ms").lt(t))
            .groupBy("customer_id")
            .agg(
                avg(when(col("kind").equalTo("csat"), col("score"))).as("csat_mean"),
                avg(when(col("kind").equalTo("nps"), col("score"))).as("nps_mean"),
                avg(when(col("kind").equalTo("ces"), col("score"))).as("ces_mean"),
                count(lit(1)).cast(DataTypes.DoubleType).as("surveys_answered"),
                sum(when(LowScore.isLow(col("kind"), col("score")), 1).otherwise(0))
                    .cast(DataTypes.DoubleType)
                    .as("low_scores"));
    Dataset<Row> said =
        SentimentFeatures.levelAndTrend(
            sentiment
                .filter(col("at_ms").lt(t))
                .join(before.select("ticket_id", "customer_id"), "ticket_id"),
            "customer_id");
    return perCustomer
        .join(mainChannel, "customer_id")
        .join(answered, scala(List.of("customer_id")), "left")
        .join(said, scala(List.of("customer_id")), "left")
        .withColumn("surveys_answered", coalesce(col("surveys_answered"), lit(0.0)))
        .withColumn("low_scores", coalesce(col("low_scores"), lit(0.0)));
  }

  private static scala.collection.immutable.Seq<String> scala(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }

  private static Column within(long asOf, int days) {
    return when(col("created_ms").geq(asOf - days * DAY_MS), 1).otherwise(0);
  }
}
