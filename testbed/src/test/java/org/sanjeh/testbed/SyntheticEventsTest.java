package org.sanjeh.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

class SyntheticEventsTest {

  @Test
  void ticketLifecyclesComeInEventTimeOrderAndComplete() {
    List<TicketEvent> events = new ArrayList<>();
    SyntheticEvents.ofTickets(3, 500, Instant.parse("2026-01-01T00:00:00Z"), 10)
        .forEachRemaining(events::add);

    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).occurredAt()).isAfterOrEqualTo(events.get(i - 1).occurredAt());
    }
    assertThat(events.stream().filter(e -> e.type() == EventType.TICKET_CREATED)).hasSize(500);
    assertThat(
            events.stream()
                .filter(e -> e.type() == EventType.RESOLVED)
                .map(TicketEvent::ticketId)
                .distinct())
        .hasSize(500);
  }

  @Test
  void theSameSeedGivesTheSameEvents() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<TicketEvent> first = new ArrayList<>();
    List<TicketEvent> second = new ArrayList<>();
    SyntheticEvents.ofTickets(9, 50, start, 3).forEachRemaining(first::add);
    SyntheticEvents.ofTickets(9, 50, start, 3).forEachRemaining(second::add);
    assertThat(first).isEqualTo(second);
  }
}
