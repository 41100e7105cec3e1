package org.sanjeh.batch.sentiment;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.ReadPartition;

/**
 * Sentiment as a model feature, from the scored customer messages in {@code sentiment_messages}
 * (V018: customer messages only; {@code batch sentiment} writes them). A group's {@value #LEVEL} is
 * the token-weighted mean score of its messages, like a ticket's level in {@code
 * sentiment_tickets}; {@value #TREND} is its last message's score minus its first's. Both are
 * computed here from the messages rather than read from {@code sentiment_tickets}, because a
 * ticket's stored level includes messages written after the moment a model may know about.
 *
 * <p>A group with no scored message (not scored yet, or a language no model reads) gets no row: the
 * caller's left join leaves the features null and the model's imputer fills them in.
 */
public final class SentimentFeatures {

  public static final String LEVEL = "sentiment_level";
  public static final String TREND = "sentiment_trend";

  /** Scored customer messages: ticket, when (epoch ms), score in [-1, 1], tokens read. */
  public static final StructType MESSAGES =
      new StructType()
          .add("ticket_id", DataTypes.StringType, false)
          .add("at_ms", DataTypes.LongType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("tokens", DataTypes.LongType, false);

  /** Messages some model scored ({@code model != ''}) before the instant. */
  static final String READ =
      "SELECT ticket_id, toUInt64(toUInt32(occurred_at)) * 1000 + occurred_at_ms, score,"
          + " toUInt64(tokens) FROM "
          + SentimentJob.MESSAGES
          + " FINAL WHERE model != '' AND occurred_at < toDateTime(%d) AND ($slice)";

  private SentimentFeatures() {}

  /** The scored customer messages written before {@code before}, one read slice per key bucket. */
  public static Dataset<Row> messagesBefore(
      SparkSession spark, ClickHouseTables tables, Instant before, int slices) {
    long cutoff = before.toEpochMilli();
    return tables
        .read(
            spark,
            READ.formatted(before.getEpochSecond()),
            MESSAGES,
            ReadPartition.byKey("ticket_id", slices))
        // the SQL cut is by whole seconds; the millisecond part decides here
        .filter(col("at_ms").lt(cutoff));
  }

  /**
   * {@value #LEVEL} and {@value #TREND} per value of {@code key} over {@code messages} (which must
   * have {@code key}, at_ms, score and tokens). Messages with no token count weigh the same.
   */
  public static Dataset<Row> levelAndTrend(Dataset<Row> messages, String key) {
    return messages
        .groupBy(key)
        .agg(
            sum(col("score").multiply(col("tokens"))).as("weighted"),
            sum(col("tokens")).as("tokens"),
            avg(col("score")).as("mean"),
            max(struct(col("at_ms"), col("score"))).getField("score").as("last"),
            min(struct(col("at_ms"), col("score"))).getField("score").as("first"))
        .select(
            col(key),
            when(col("tokens").gt(0), col("weighted").divide(col("tokens")))
                .otherwise(col("mean"))
                .as(LEVEL),
            col("last").minus(col("first")).as(TREND));
  }
}
