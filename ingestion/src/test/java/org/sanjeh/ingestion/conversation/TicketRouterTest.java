package org.sanjeh.ingestion.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.Channel;
import org.sanjeh.ingestion.identity.Identity;

class TicketRouterTest {

  private static final Instant MORNING = Instant.parse("2024-05-08T08:00:00Z");

  @Test
  void aFloodOfNewCustomersKeepsTheRoutersMemoryBounded() {
    TicketRouter router = new TicketRouter(Duration.ofHours(24), TicketRouter.History.NONE, 100);

    for (int i = 0; i < 20_000; i++) {
      router.route("C-" + i, message("m-" + i, MORNING.plusSeconds(i)));
    }

    assertThat(router.remembered()).isLessThanOrEqualTo(4 * 100);
  }

  @Test
  void aCustomerTheRouterForgotStillJoinsTheirOpenTicketThroughTheHistory() {
    Map<String, TicketRouter.LastTicket> stored = new HashMap<>();
    TicketRouter.History history =
        new TicketRouter.History() {
          @Override
          public Optional<String> ticketOfMessage(String messageId) {
            return Optional.empty();
          }

          @Override
          public Optional<TicketRouter.LastTicket> latestTicketOf(String customerId) {
            return Optional.ofNullable(stored.get(customerId));
          }
        };
    TicketRouter router = new TicketRouter(Duration.ofHours(24), history, 10);
    TicketRouter.Route first = router.route("C-first", message("m-first", MORNING));
    stored.put("C-first", new TicketRouter.LastTicket(first.ticketId(), MORNING, false));
    for (int i = 0; i < 100; i++) {
      router.route("C-" + i, message("m-" + i, MORNING.plusSeconds(i)));
    }

    TicketRouter.Route later =
        router.route("C-first", message("m-later", MORNING.plusSeconds(3600)));

    assertThat(later.ticketId()).isEqualTo(first.ticketId());
    assertThat(later.opensTicket()).isFalse();
  }

  private static InboundMessage message(String id, Instant at) {
    return new InboundMessage(
        id,
        Channel.WHATSAPP,
        at,
        true,
        List.of(Identity.telegram(1)),
        null,
        List.of(),
        null,
        "hello",
        "hello",
        null,
        "whatsapp");
  }
}
