package org.sanjeh.batch.sentiment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.batch.Stages;
import org.sanjeh.batch.io.ClickHouseTables;
import org.sanjeh.batch.io.ReadPartition;
import org.sanjeh.sentiment.Sentiment;
import org.sanjeh.sentiment.TextScore;
import org.sanjeh.sentiment.ticket.TicketScoring;
import org.sanjeh.sentiment.ticket.TicketSentiment;

/**
 * {@code batch sentiment --from D --to D}: the sentiment of every customer message (a {@code
 * customer_message}, or a {@code ticket_created} with text, by {@code author_role = 'customer'};
 * never agent replies, internal notes, bots or system messages) of the tickets whose first customer
 * message falls in the period, into {@code sentiment_messages}, and each such ticket's level and
 * trend into {@code sentiment_tickets}. Re-running a period replaces both.
 *
 * <p>Each read slice (a key bucket of tickets, so a ticket's messages stay together, in time order)
 * is one Spark partition, scored by {@code mapPartitions}: the scorer, and CoreNLP behind it, is
 * built inside the executor JVM, once per JVM, never serialized from the driver. A message whose
 * stored row has the key this run would compute (same model version, same cleaned text) is not
 * scored again.
 */
public final class SentimentJob {

  public static final String MESSAGES = "sentiment_messages";
  public static final String TICKETS = "sentiment_tickets";

  private static final String CUSTOMER_TEXT =
      "author_role = 'customer' AND event_type IN ('customer_message', 'ticket_created')"
          + " AND (body != '' OR subject != '')";

  /**
   * The customer messages of the period's tickets, with the previous run's row when there is one.
   * One JOIN per SELECT: ClickHouse 18.16 has no multiple joins.
   */
  static final String READ =
      "SELECT event_id, ticket_id, ticket_date, at_ms, local_date, text,"
          + " prev_key, prev_score, prev_scores, prev_tokens, prev_cut FROM"
          + " (SELECT event_id, ticket_id, ticket_date, at_ms, local_date, text FROM"
          + "   (SELECT event_id, ticket_id, toUInt64(toUInt32(occurred_at)) * 1000 + occurred_at_ms AS at_ms,"
          + "     local_date, if(subject = '' OR body = '', concat(subject, body),"
          + "     concat(subject, '\\n', body)) AS text"
          + "     FROM ticket_messages FINAL WHERE ("
          + CUSTOMER_TEXT
          + ") AND ($slice)) AS messages"
          + "   ALL INNER JOIN"
          + "   (SELECT ticket_id, min(local_date) AS ticket_date FROM ticket_messages FINAL"
          + "     WHERE ("
          + CUSTOMER_TEXT
          + ") AND ($slice) GROUP BY ticket_id"
          + "     HAVING ticket_date >= toDate('%s') AND ticket_date <= toDate('%s')) AS tickets"
          + "   USING ticket_id) AS period"
          + " ANY LEFT JOIN"
          + " (SELECT event_id, score_key AS prev_key, score AS prev_score,"
          + "   sentence_scores AS prev_scores, sentence_tokens AS prev_tokens,"
          + "   toUInt64(cut_tokens) AS prev_cut FROM "
          + MESSAGES
          + " FINAL) AS previous"
          + " USING event_id"
          + " ORDER BY ticket_id, at_ms, event_id";

  static final StructType INPUT =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("ticket_id", DataTypes.StringType)
          .add("ticket_date", DataTypes.DateType)
          .add("at_ms", DataTypes.LongType)
          .add("local_date", DataTypes.DateType)
          .add("text", DataTypes.StringType)
          .add("prev_key", DataTypes.StringType)
          .add("prev_score", DataTypes.DoubleType)
          .add("prev_scores", DataTypes.StringType)
          .add("prev_tokens", DataTypes.StringType)
          .add("prev_cut", DataTypes.LongType);

  /** Message and ticket rows in one pass; {@code kind} tells them apart. */
  static final StructType OUTPUT =
      new StructType()
          .add("kind", DataTypes.StringType)
          .add("event_id", DataTypes.StringType)
          .add("ticket_id", DataTypes.StringType)
          .add("ticket_date", DataTypes.DateType)
          .add("occurred_at", DataTypes.TimestampType)
          .add("occurred_at_ms", DataTypes.IntegerType)
          .add("local_date", DataTypes.DateType)
          .add("language", DataTypes.StringType)
          .add("model", DataTypes.StringType)
          .add("label", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("tokens", DataTypes.LongType)
          .add("cut_tokens", DataTypes.LongType)
          .add("sentence_scores", DataTypes.StringType)
          .add("sentence_tokens", DataTypes.StringType)
          .add("score_key", DataTypes.StringType)
          .add("first_message_at", DataTypes.TimestampType)
          .add("last_message_at", DataTypes.TimestampType)
          .add("messages", DataTypes.LongType)
          .add("level", DataTypes.DoubleType)
          .add("trend", DataTypes.DoubleType)
          .add("first_score", DataTypes.DoubleType)
          .add("last_score", DataTypes.DoubleType)
          .add("models", DataTypes.StringType);

  private static final String[] MESSAGE_COLUMNS = {
    "event_id",
    "ticket_id",
    "ticket_date",
    "occurred_at",
    "occurred_at_ms",
    "local_date",
    "language",
    "model",
    "label",
    "score",
    "tokens",
    "cut_tokens",
    "sentence_scores",
    "sentence_tokens",
    "score_key"
  };
  private static final String[] TICKET_COLUMNS = {
    "ticket_id",
    "ticket_date",
    "first_message_at",
    "last_message_at",
    "messages",
    "level",
    "trend",
    "first_score",
    "last_score",
    "label",
    "models"
  };

  private SentimentJob() {}

  /**
   * @return message rows written
   */
  public static long run(
      SparkSession spark,
      ClickHouseTables tables,
      LocalDate from,
      LocalDate to,
      int slices,
      Stages stages) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    Dataset<Row> messages =
        tables.read(
            spark, READ.formatted(from, to), INPUT, ReadPartition.byKey("ticket_id", slices));
    Dataset<Row> scored =
        messages
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) SentimentJob::scorePartition,
                Encoders.row(OUTPUT))
            .cache();
    stages.done("scored customer messages", scored.count() + " message and ticket rows");
    long version = ClickHouseTables.newVersion();
    String period =
        "ticket_date >= toDate('%s') AND ticket_date <= toDate('%s')".formatted(from, to);
    long written =
        tables.replace(
            rows(scored, "message", MESSAGE_COLUMNS, version),
            MESSAGES,
            period,
            "version",
            version);
    long tickets =
        tables.replace(
            rows(scored, "ticket", TICKET_COLUMNS, version), TICKETS, period, "version", version);
    stages.done(
        "replaced " + MESSAGES + " and " + TICKETS, written + " messages, " + tickets + " tickets");
    scored.unpersist();
    return written;
  }

  /** The first day of the oldest ticket date a run must cover for every ticket up to {@code to}. */
  public static final LocalDate ALL_HISTORY = LocalDate.of(1970, 1, 1);

  /**
   * The first day a run ending on {@code to} needs so that it covers the most recent {@code
   * tickets} tickets (by the date of their first customer message; whole days, so a few more may
   * come along), or all history when {@code tickets} is 0 or the warehouse has fewer.
   */
  public static LocalDate firstDayOfMostRecent(ClickHouseTables tables, LocalDate to, int tickets) {
    if (tickets < 0) {
      throw new IllegalArgumentException(
          "the number of tickets to score must be 0 (all) or more: " + tickets);
    }
    if (tickets == 0) {
      return ALL_HISTORY;
    }
    List<LocalDate> day =
        tables
            .link()
            .open()
            .query(
                ("SELECT toString(ticket_date) FROM (SELECT ticket_id, min(local_date) AS ticket_date"
                        + " FROM ticket_messages FINAL WHERE %s GROUP BY ticket_id"
                        + " HAVING ticket_date <= toDate('%s'))"
                        + " ORDER BY ticket_date DESC LIMIT %d, 1")
                    .formatted(CUSTOMER_TEXT, to, tickets - 1),
                row -> LocalDate.parse(row.getString(1)));
    return day.isEmpty() ? ALL_HISTORY : day.get(0);
  }

  private static Dataset<Row> rows(
      Dataset<Row> scored, String kind, String[] columns, long version) {
    org.apache.spark.sql.Column[] selected = new org.apache.spark.sql.Column[columns.length + 1];
    for (int i = 0; i < columns.length; i++) {
      selected[i] = org.apache.spark.sql.functions.col(columns[i]);
    }
    selected[columns.length] = org.apache.spark.sql.functions.lit(version).as("version");
    return scored.filter(org.apache.spark.sql.functions.col("kind").equalTo(kind)).select(selected);
  }

  /** Runs in the executor: one {@link TicketScoring} per partition over the JVM's one model. */
  static Iterator<Row> scorePartition(Iterator<Row> input) {
    TicketScoring scoring = new TicketScoring();
    List<Row> out = new ArrayList<>();
    List<Row> ticket = new ArrayList<>();
    while (input.hasNext()) {
      Row row = input.next();
      if (!ticket.isEmpty() && !ticket.get(0).getString(1).equals(row.getString(1))) {
        scoreTicket(scoring, ticket, out);
        ticket = new ArrayList<>();
      }
      ticket.add(row);
    }
    if (!ticket.isEmpty()) {
      scoreTicket(scoring, ticket, out);
    }
    return out.iterator();
  }

  private static void scoreTicket(TicketScoring scoring, List<Row> rows, List<Row> out) {
    List<TicketScoring.Message> messages = new ArrayList<>(rows.size());
    for (Row row : rows) {
      // a message with no stored row joins ClickHouse's defaults: an empty key
      String previousKey = row.isNullAt(6) ? "" : row.getString(6);
      TextScore previous =
          previousKey.isEmpty()
              ? TextScore.EMPTY
              : TicketScoring.stored(
                  row.getDouble(7), row.getString(8), row.getString(9), (int) row.getLong(10));
      messages.add(
          new TicketScoring.Message(row.getString(0), row.getString(5), previousKey, previous));
    }
    TicketScoring.Result result = scoring.score(messages);
    for (int i = 0; i < rows.size(); i++) {
      out.add(messageRow(rows.get(i), result.messages().get(i)));
    }
    result.ticket().ifPresent(t -> out.add(ticketRow(rows, t, result)));
  }

  private static Row messageRow(Row in, Sentiment s) {
    long atMs = in.getLong(3);
    return RowFactory.create(
        "message",
        in.getString(0),
        in.getString(1),
        in.get(2),
        Instant.ofEpochMilli(atMs - atMs % 1000),
        (int) (atMs % 1000),
        in.get(4),
        s.language(),
        s.model().map(Object::toString).orElse(""),
        s.scored() ? s.label().wire() : "",
        s.score(),
        (long) s.detail().tokens(),
        (long) s.detail().cutTokens(),
        TicketScoring.sentenceScores(s.detail()),
        TicketScoring.sentenceTokens(s.detail()),
        s.scoreKey(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Row ticketRow(List<Row> rows, TicketSentiment t, TicketScoring.Result result) {
    Row first = rows.get(0);
    return RowFactory.create(
        "ticket",
        null,
        first.getString(1),
        first.get(2),
        null,
        null,
        null,
        null,
        null,
        result.label().wire(),
        null,
        null,
        null,
        null,
        null,
        null,
        Instant.ofEpochMilli(first.getLong(3)),
        Instant.ofEpochMilli(rows.get(rows.size() - 1).getLong(3)),
        (long) t.messages(),
        t.level(),
        t.trend(),
        t.firstScore(),
        t.lastScore(),
        result.models());
  }
}
