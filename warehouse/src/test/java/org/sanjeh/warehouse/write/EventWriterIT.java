package org.sanjeh.warehouse.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.read.EventQueries;
import org.sanjeh.warehouse.read.UnreadableEventException;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

@ExtendWith(ClickHouseExtension.class)
class EventWriterIT {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final BatchedWriter.Settings NO_TIMER =
      new BatchedWriter.Settings(100_000, Duration.ZERO, 400_000);

  private final Warehouse warehouse;

  EventWriterIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @BeforeEach
  void emptyTables() {
    for (String table : List.of("ticket_events", "ticket_messages", "dead_letters")) {
      warehouse.execute("TRUNCATE TABLE " + table);
    }
  }

  @Test
  void a100kEventBatchRoundTripsFieldForField() {
    List<TicketEvent> events = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      events.add(everyFieldSet(i));
    }

    try (EventWriter writer = writer(NO_TIMER)) {
      events.forEach(writer::add);
    }

    List<TicketEvent> stored =
        new EventQueries(warehouse)
            .between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(stored).hasSize(100_000);
    // Compare sorted lists with List.equals: AssertJ's any-order match is quadratic at this size.
    Comparator<TicketEvent> byId = Comparator.comparing(TicketEvent::eventId);
    assertThat(sorted(stored, byId).equals(sorted(events, byId)))
        .as("every stored event equals the one written, field for field")
        .isTrue();
    assertThat(stored.get(0)).isIn(events);
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_messages")).isEqualTo(100_000);
  }

  @Test
  void storesTheBusinessLocalDateBesideTheUtcTimestamp() {
    // 22:00 UTC on 20 March is already 21 March (Nowruz) in Tehran.
    TicketEvent lateEvening =
        everyFieldSet(1).toBuilder().occurredAt(Instant.parse("2024-03-20T22:00:00Z")).build();

    try (EventWriter writer = writer(NO_TIMER)) {
      writer.add(lateEvening);
    }

    assertThat(
            warehouse.query(
                "SELECT toString(local_date), toString(occurred_at) FROM ticket_events",
                row -> row.getString(1) + " " + row.getString(2)))
        .containsExactly("2024-03-21 2024-03-20 22:00:00");
  }

  @Test
  void aStoredValueThisVersionDoesNotKnowIsAnErrorNamingTheEventColumnAndValue() {
    // a row as a newer release (or a hand-written INSERT) could leave it
    warehouse.execute(
        "INSERT INTO ticket_events (event_id, ticket_id, occurred_at, event_type, version)"
            + " VALUES ('E-new-1', 'T-new', toDateTime('2024-05-01 10:00:00', 'UTC'),"
            + " 'sla_paused_by_robot', 1)");

    assertThatThrownBy(() -> new EventQueries(warehouse).ticket("T-new"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("stored event 'E-new-1'")
        .hasMessageContaining("event_type 'sla_paused_by_robot'")
        .hasMessageContaining("upgrade Sanjeh, or correct the row");
  }

  @Test
  void duplicateEventIdsCollapse() {
    TicketEvent event = everyFieldSet(7);

    try (EventWriter writer = writer(NO_TIMER)) {
      writer.add(event);
      writer.flush();
      writer.add(event);
      writer.add(event);
    }

    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events FINAL")).isEqualTo(1);
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_messages FINAL")).isEqualTo(1);
    warehouse.execute("OPTIMIZE TABLE ticket_events FINAL");
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events")).isEqualTo(1);
  }

  @Test
  void aRowThatCannotBeStoredIsDeadLetteredWithItsReasonAndTheBatchGoesThrough() {
    List<TicketEvent> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(everyFieldSet(i));
    }
    TicketEvent before1970 =
        everyFieldSet(5000).toBuilder()
            .eventId("too-old")
            .occurredAt(Instant.parse("1969-12-31T23:00:00Z"))
            .build();
    batch.add(500, before1970);

    List<Boolean> accepted = new ArrayList<>();
    try (EventWriter writer = writer(NO_TIMER)) {
      batch.forEach(event -> accepted.add(writer.add(event)));
    }

    assertThat(accepted).containsOnlyOnce(false);
    assertThat(accepted.get(500)).isFalse();
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events FINAL")).isEqualTo(1000);
    List<String> reasons =
        warehouse.query(
            "SELECT reason, payload FROM dead_letters",
            row -> row.getString(1) + " | " + row.getString(2));
    assertThat(reasons)
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter)
                    .contains("occurred_at=\"1969-12-31T23:00:00Z\"")
                    .contains("event too-old")
                    .contains("outside the storable range")
                    .contains("\"event_id\":\"too-old\""));
  }

  @Test
  void aFailedInsertKeepsTheRowsAndTheNextFlushWritesThem() {
    warehouse.execute("RENAME TABLE ticket_messages TO ticket_messages_away");
    EventWriter writer = writer(NO_TIMER);
    try {
      for (int i = 0; i < 10; i++) {
        writer.add(everyFieldSet(i));
      }

      assertThatThrownBy(writer::flush)
          .isInstanceOf(WarehouseException.class)
          .hasMessageContaining("writing 10 rows to ticket_messages failed")
          .hasMessageContaining("stay buffered");

      warehouse.execute("RENAME TABLE ticket_messages_away TO ticket_messages");
      writer.flush();
    } finally {
      if (warehouse.queryLong("EXISTS TABLE ticket_messages_away") == 1) {
        warehouse.execute("RENAME TABLE ticket_messages_away TO ticket_messages");
      }
      writer.close();
    }

    assertThat(writer.eventsWritten()).isEqualTo(10);
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events FINAL")).isEqualTo(10);
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_messages FINAL")).isEqualTo(10);
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events"))
        .as("events were inserted once, not re-sent")
        .isEqualTo(10);
  }

  @Test
  void theTimerFlushesARowThatWaitedLongerThanTheInterval() throws InterruptedException {
    BatchedWriter.Settings fast =
        new BatchedWriter.Settings(100_000, Duration.ofMillis(200), 400_000);
    try (EventWriter writer = writer(fast)) {
      writer.add(everyFieldSet(1));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (writer.eventsWritten() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(writer.eventsWritten()).isEqualTo(1);
    }
    assertThat(warehouse.queryLong("SELECT count() FROM ticket_events")).isEqualTo(1);
  }

  @Test
  void storesDeadLettersByteForByteEvenWhenTheyAreNotUtf8() {
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
    try (EventWriter writer = writer(NO_TIMER)) {
      writer.addDeadLetter(
          new DeadLetter(
              Instant.parse("2024-05-01T10:00:00.250Z"),
              "api:shop",
              3,
              notUtf8,
              "$: invalid UTF-8 at byte offset 5"));
    }

    assertThat(
            warehouse.query(
                "SELECT hex(payload), line, source, received_at_ms FROM dead_letters",
                row ->
                    row.getString(1)
                        + " "
                        + row.getInt(2)
                        + " "
                        + row.getString(3)
                        + " "
                        + row.getInt(4)))
        .containsExactly("7B226122 3AC3287D".replace(" ", "") + " 3 api:shop 250");
  }

  private EventWriter writer(BatchedWriter.Settings settings) {
    return new EventWriter(warehouse, settings, TEHRAN, Clock.system(ZoneOffset.UTC));
  }

  /** An event with every field set, Persian text and emoji in it, distinct per {@code i}. */
  static TicketEvent everyFieldSet(int i) {
    return TicketEvent.builder()
        .eventId("evt-" + i)
        .ticketId("T-" + (i / 5))
        .occurredAt(Instant.parse("2024-03-20T08:15:30.123Z").plusMillis(i * 7_919L))
        .type(i % 2 == 0 ? EventType.CUSTOMER_MESSAGE : EventType.AGENT_REPLY)
        .channel(Channel.values()[i % Channel.values().length])
        .authorRole(i % 2 == 0 ? AuthorRole.CUSTOMER : AuthorRole.AGENT)
        .authorId("author-" + i)
        .customerId("C-" + (i / 5))
        .agentId("A-" + (i % 40))
        .team("پشتیبانی")
        .priority(Priority.values()[i % 4])
        .status(TicketStatus.values()[i % 6])
        .customerTier("gold")
        .language(i % 3 == 0 ? "fa" : "en-GB")
        .subject("سفارش " + i + " 📦")
        .body("سلام! It's \"quoted\", has a\nnewline, a tab\t and emoji 🙏🏽 #" + i)
        .tags(i % 4 == 0 ? List.of() : List.of("vip", "نوروز", "t" + i))
        .sourceSystem("zendesk")
        .sourceRef("ref/" + i)
        .mergedInto(i % 10 == 0 ? "T-merged" : null)
        .build();
  }

  private static List<TicketEvent> sorted(List<TicketEvent> events, Comparator<TicketEvent> order) {
    List<TicketEvent> copy = new ArrayList<>(events);
    copy.sort(order);
    return copy;
  }
}
