package org.sanjeh.batch.io;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.event.WireValue;

/**
 * Whole ticket histories from {@code ticket_events}, one ticket at a time: each Spark task reads
 * one key bucket of tickets ({@link ReadPartition#byKey}) in event-time order and hands each
 * ticket's events, as {@code core}'s {@link TicketEvent}s, to a {@link TicketFunction}. No shuffle:
 * a ticket's events are all in one slice. Message texts are not read.
 */
public final class TicketHistories {

  /** What a job computes from one ticket's events (in event-time order). */
  @FunctionalInterface
  public interface TicketFunction extends Serializable {
    Iterator<Row> apply(List<TicketEvent> events) throws Exception;
  }

  static final String SQL =
      "SELECT event_id, ticket_id, toUInt64(toUInt32(occurred_at)) * 1000 + occurred_at_ms AS at_ms,"
          + " event_type, channel, author_role, author_id, customer_id, agent_id, team, priority,"
          + " status, customer_tier, language"
          + " FROM ticket_events FINAL WHERE ($slice) AND (%s)"
          + " ORDER BY ticket_id, occurred_at, occurred_at_ms, event_id";

  private TicketHistories() {}

  /**
   * Runs {@code function} over every ticket whose events match {@code eventCondition} (SQL on
   * {@code ticket_events}, e.g. a time bound; "1" for all), the events of each ticket limited to
   * those matching it.
   */
  public static Dataset<Row> map(
      SparkSession spark,
      ClickHouseLink link,
      String eventCondition,
      int buckets,
      TicketFunction function,
      StructType outSchema) {
    String sql = SQL.formatted(eventCondition);
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(ReadPartition.byKey("ticket_id", buckets), buckets)
            .flatMap(
                slice -> {
                  List<TicketEvent> events =
                      link.open()
                          .query(
                              sql.replace(ClickHouseTables.SLICE, slice.condition()),
                              TicketHistories::event);
                  return perTicket(events, function);
                });
    return spark.createDataFrame(rows, outSchema);
  }

  /** Runs {@code function} over runs of consecutive events with the same ticket id. */
  public static Iterator<Row> perTicket(List<TicketEvent> events, TicketFunction function)
      throws Exception {
    List<Row> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= events.size(); i++) {
      if (i == events.size() || !events.get(i).ticketId().equals(events.get(start).ticketId())) {
        function.apply(events.subList(start, i)).forEachRemaining(out::add);
        start = i;
      }
    }
    return out.iterator();
  }

  static TicketEvent event(ResultSet row) throws SQLException {
    return TicketEvent.builder()
        .eventId(row.getString(1))
        .ticketId(row.getString(2))
        .occurredAt(Instant.ofEpochMilli(row.getLong(3)))
        .type(required(EventType.class, row.getString(4), "event_type"))
        .channel(WireValue.parse(Channel.class, row.getString(5)).orElse(Channel.OTHER))
        .authorRole(required(AuthorRole.class, row.getString(6), "author_role"))
        .authorId(blankToNull(row.getString(7)))
        .customerId(blankToNull(row.getString(8)))
        .agentId(blankToNull(row.getString(9)))
        .team(blankToNull(row.getString(10)))
        .priority(WireValue.parse(Priority.class, row.getString(11)).orElse(null))
        .status(WireValue.parse(TicketStatus.class, row.getString(12)).orElse(null))
        .customerTier(blankToNull(row.getString(13)))
        .language(blankToNull(row.getString(14)))
        .build();
  }

  private static <E extends Enum<E> & WireValue> E required(
      Class<E> type, String value, String column) {
    return WireValue.parse(type, value)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "ticket_events.%s=\"%s\" is not one of %s: the table holds an event the codec would refuse"
                        .formatted(column, value, WireValue.allowed(type))));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
