package org.sanjeh.warehouse.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.warehouse.Warehouse;

/**
 * Reads stored events back as {@link TicketEvent}s, texts included, deduplicated and in per-ticket
 * event-time order. Empty strings read back as absent values: the warehouse does not tell them
 * apart.
 */
public final class EventQueries {

  private static final String SELECT_EVENTS =
      """
      SELECT e.event_id, e.ticket_id, e.occurred_at, e.occurred_at_ms, e.event_type, e.channel,
             e.author_role, e.author_id, e.customer_id, e.agent_id, e.team, e.priority, e.status,
             e.customer_tier, e.language, m.subject, m.body, e.tags, e.source_system, e.source_ref,
             e.merged_into
      FROM (SELECT * FROM ticket_events FINAL WHERE %s) AS e
      ANY LEFT JOIN (SELECT event_id, subject, body FROM ticket_messages FINAL WHERE %s) AS m
      USING event_id
      ORDER BY e.ticket_id, e.occurred_at, e.occurred_at_ms, e.event_id
      """;

  private final Warehouse warehouse;

  public EventQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Every stored event of one ticket, oldest first. */
  public List<TicketEvent> ticket(String ticketId) {
    String condition = "ticket_id = '" + escape(ticketId) + "'";
    return warehouse.query(SELECT_EVENTS.formatted(condition, condition), EventQueries::event);
  }

  /** Every stored event whose occurred_at is in [from, to), ordered by ticket and time. */
  public List<TicketEvent> between(Instant from, Instant to) {
    String condition =
        "occurred_at >= toDateTime(%d) AND occurred_at < toDateTime(%d)"
            .formatted(from.getEpochSecond(), to.getEpochSecond());
    return warehouse.query(SELECT_EVENTS.formatted(condition, condition), EventQueries::event);
  }

  private static TicketEvent event(ResultSet row) throws SQLException {
    Instant occurredAt =
        Instant.ofEpochSecond(row.getTimestamp(3).toInstant().getEpochSecond())
            .plusMillis(row.getInt(4));
    String eventId = row.getString(1);
    return TicketEvent.builder()
        .eventId(eventId)
        .ticketId(row.getString(2))
        .occurredAt(occurredAt)
        .type(wire(EventType.class, eventId, "event_type", row.getString(5)))
        .channel(wire(Channel.class, eventId, "channel", row.getString(6)))
        .authorRole(wire(AuthorRole.class, eventId, "author_role", row.getString(7)))
        .authorId(text(row, 8))
        .customerId(text(row, 9))
        .agentId(text(row, 10))
        .team(text(row, 11))
        .priority(wire(Priority.class, eventId, "priority", row.getString(12)))
        .status(wire(TicketStatus.class, eventId, "status", row.getString(13)))
        .customerTier(text(row, 14))
        .language(text(row, 15))
        .subject(text(row, 16))
        .body(text(row, 17))
        .tags(Arrays.asList((String[]) row.getArray(18).getArray()))
        .sourceSystem(text(row, 19))
        .sourceRef(text(row, 20))
        .mergedInto(text(row, 21))
        .build();
  }

  private static String text(ResultSet row, int column) throws SQLException {
    String value = row.getString(column);
    return value == null || value.isEmpty() ? null : value;
  }

  private static <E extends Enum<E> & WireValue> E wire(
      Class<E> type, String eventId, String column, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return WireValue.parse(type, value)
        .orElseThrow(() -> new UnreadableEventException(eventId, column, value));
  }

  /** Escapes a value for a single-quoted ClickHouse string literal. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
