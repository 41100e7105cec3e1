package org.sanjeh.warehouse.write;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.WireValue;
import org.sanjeh.warehouse.RowBinaryOut;

/** How a {@link TicketEvent} is laid out in {@code ticket_events} and {@code ticket_messages}. */
public final class TicketEventTables {

  /** ClickHouse's DateTime is an unsigned 32-bit count of seconds. */
  static final Instant EARLIEST_STORABLE = Instant.EPOCH;

  static final Instant LATEST_STORABLE = Instant.ofEpochSecond(0xFFFF_FFFFL);

  private final ZoneId businessZone;
  private final Clock clock;

  /**
   * @param businessZone the zone whose calendar date goes into {@code local_date}
   */
  public TicketEventTables(ZoneId businessZone, Clock clock) {
    this.businessZone = businessZone;
    this.clock = clock;
  }

  /** Why an otherwise valid event cannot be stored, if it cannot. */
  public static Optional<String> storageProblem(TicketEvent event) {
    Instant at = event.occurredAt();
    if (at.isBefore(EARLIEST_STORABLE) || at.isAfter(LATEST_STORABLE)) {
      return Optional.of(
          "occurred_at=\"%s\" (event %s): outside the storable range %s to %s"
              .formatted(at, event.eventId(), EARLIEST_STORABLE, LATEST_STORABLE));
    }
    return Optional.empty();
  }

  public BatchedWriter.Table<TicketEvent> events() {
    return new BatchedWriter.Table<>() {
      @Override
      public String name() {
        return "ticket_events";
      }

      @Override
      public List<String> columns() {
        return keyColumnsThen(
            "channel",
            "author_role",
            "author_id",
            "customer_id",
            "agent_id",
            "team",
            "priority",
            "status",
            "customer_tier",
            "language",
            "tags",
            "source_system",
            "source_ref",
            "merged_into",
            "has_message",
            "ingested_at",
            "version");
      }

      @Override
      public void write(TicketEvent e, RowBinaryOut out) throws IOException {
        Instant now = clock.instant();
        writeKey(e, out);
        out.string(e.type().wire());
        out.string(e.channel().wire());
        out.string(e.authorRole().wire());
        out.string(e.authorId());
        out.string(e.customerId());
        out.string(e.agentId());
        out.string(e.team());
        out.string(wire(e.priority()));
        out.string(wire(e.status()));
        out.string(e.customerTier());
        out.string(e.language());
        out.stringArray(e.tags());
        out.string(e.sourceSystem());
        out.string(e.sourceRef());
        out.string(e.mergedInto());
        out.uint8(hasMessage(e) ? 1 : 0);
        out.dateTime(now);
        out.uint64(now.toEpochMilli());
      }
    };
  }

  public BatchedWriter.Table<TicketEvent> messages() {
    return new BatchedWriter.Table<>() {
      @Override
      public String name() {
        return "ticket_messages";
      }

      @Override
      public List<String> columns() {
        return keyColumnsThen("author_role", "language", "subject", "body", "version");
      }

      @Override
      public boolean includes(TicketEvent e) {
        return hasMessage(e);
      }

      @Override
      public void write(TicketEvent e, RowBinaryOut out) throws IOException {
        writeKey(e, out);
        out.string(e.type().wire());
        out.string(e.authorRole().wire());
        out.string(e.language());
        out.string(e.subject());
        out.string(e.body());
        out.uint64(clock.millis());
      }
    };
  }

  static boolean hasMessage(TicketEvent e) {
    return e.type().carriesMessage() && (e.body() != null || e.subject() != null);
  }

  /**
   * The columns both tables start with ({@link #writeKey} and the event type), then {@code rest}.
   */
  private static List<String> keyColumnsThen(String... rest) {
    List<String> columns =
        new java.util.ArrayList<>(
            List.of(
                "event_id",
                "ticket_id",
                "occurred_at",
                "occurred_at_ms",
                "local_date",
                "event_type"));
    columns.addAll(List.of(rest));
    return List.copyOf(columns);
  }

  /** The columns both tables start with, in this order. */
  private void writeKey(TicketEvent e, RowBinaryOut out) throws IOException {
    out.string(e.eventId());
    out.string(e.ticketId());
    out.dateTime(e.occurredAt());
    out.millisOf(e.occurredAt());
    out.date(localDate(e.occurredAt()));
  }

  private LocalDate localDate(Instant at) {
    return LocalDate.ofInstant(at, businessZone);
  }

  private static String wire(WireValue value) {
    return value == null ? "" : value.wire();
  }
}
