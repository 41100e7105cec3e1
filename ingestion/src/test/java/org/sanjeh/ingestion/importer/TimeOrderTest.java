package org.sanjeh.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

class TimeOrderTest {

  @Test
  void eventsGoOldestFirstAndThoseAtTheSameInstantKeepTheirOrder() {
    List<TicketEvent> events =
        events(
            "c1@2024-03-03T10:00:00.250Z",
            "a1@2024-03-03T09:00:00Z",
            "c2@2024-03-03T10:00:00.250Z",
            "b1@2024-03-03T09:30:00Z",
            "a2@2024-03-03T09:00:00Z",
            "c3@2024-03-03T10:00:00.250Z",
            "z1@2024-03-03T08:59:59.999Z");

    TimeOrder.sort(events);

    assertThat(ids(events)).containsExactly("z1", "a1", "a2", "b1", "c1", "c2", "c3");
  }

  @Test
  void timesMoreThanACenturyApartAreSortedTheSameWay() {
    List<TicketEvent> events =
        events(
            "late@9999-12-31T23:59:59Z",
            "same1@2024-01-01T00:00:00Z",
            "early@0001-01-01T00:00:00Z",
            "same2@2024-01-01T00:00:00Z",
            "epoch@1970-01-01T00:00:00Z");

    TimeOrder.sort(events);

    assertThat(ids(events)).containsExactly("early", "epoch", "same1", "same2", "late");
  }

  @Test
  void manyEventsAtFewInstantsKeepTheirOrderWithinEachInstant() {
    List<TicketEvent> events = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      events.add(
          event(i % 3 + "-" + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(2 - i % 3)));
    }

    TimeOrder.sort(events);

    List<String> ids = ids(events);
    assertThat(ids.get(0)).isEqualTo("2-2");
    assertThat(ids.get(1)).isEqualTo("2-5");
    assertThat(ids.get(1665)).isEqualTo("2-4997");
    assertThat(ids.get(1666)).isEqualTo("1-1");
    assertThat(ids.get(4999)).isEqualTo("0-4998");
  }

  private static List<TicketEvent> events(String... idAtTime) {
    List<TicketEvent> events = new ArrayList<>();
    for (String s : idAtTime) {
      String[] parts = s.split("@");
      events.add(event(parts[0], Instant.parse(parts[1])));
    }
    return events;
  }

  private static TicketEvent event(String id, Instant at) {
    return TicketEvent.builder()
        .eventId(id)
        .ticketId("t")
        .occurredAt(at)
        .type(EventType.CUSTOMER_MESSAGE)
        .channel(Channel.EMAIL)
        .authorRole(AuthorRole.CUSTOMER)
        .build();
  }

  private static List<String> ids(List<TicketEvent> events) {
    return events.stream().map(TicketEvent::eventId).toList();
  }
}
