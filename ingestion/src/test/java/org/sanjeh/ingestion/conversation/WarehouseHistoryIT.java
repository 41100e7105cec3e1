package org.sanjeh.ingestion.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.identity.Identity;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/** Routing after a restart: a router with an empty memory asks the stored events. */
@ExtendWith(ClickHouseExtension.class)
class WarehouseHistoryIT {

  private static final Instant T0 = Instant.parse("2026-05-08T08:00:00Z");
  private final Warehouse warehouse;
  private final Identity customer = Identity.email("c-" + UUID.randomUUID() + "@example.ir");

  WarehouseHistoryIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void aRestartedRouterFindsThreadsOpenTicketsAndResolutionsInTheWarehouse() {
    TicketEvent first =
        freshProcess().toEvent(message("<m1-" + customer.value() + ">", T0, List.of()));
    store(first);

    TicketEvent reply =
        freshProcess()
            .toEvent(
                message(
                    "<m2>", T0.plus(Duration.ofDays(3)), List.of("<m1-" + customer.value() + ">")));
    TicketEvent sameDay =
        freshProcess().toEvent(message("<m3>", T0.plus(Duration.ofHours(5)), List.of()));
    store(
        first.toBuilder()
            .eventId(first.eventId() + ":resolved")
            .type(EventType.RESOLVED)
            .occurredAt(T0.plus(Duration.ofHours(6)))
            .build());
    TicketEvent afterResolution =
        freshProcess().toEvent(message("<m4>", T0.plus(Duration.ofHours(7)), List.of()));

    assertThat(reply.ticketId())
        .as("the thread, from the stored message id")
        .isEqualTo(first.ticketId());
    assertThat(sameDay.ticketId()).as("the customer's open ticket").isEqualTo(first.ticketId());
    assertThat(sameDay.type()).isEqualTo(EventType.CUSTOMER_MESSAGE);
    assertThat(afterResolution.ticketId())
        .as("a solved ticket is not joined")
        .isNotEqualTo(first.ticketId());
    assertThat(afterResolution.type()).isEqualTo(EventType.TICKET_CREATED);
  }

  @Test
  void aMessageIdWithQuotesAndBackslashesIsLookedUpAsItIs() {
    String odd = "<it's\\' OR 1=1 -- " + customer.value() + ">";
    TicketEvent first = freshProcess().toEvent(message(odd, T0, List.of()));
    store(first);

    TicketEvent reply =
        freshProcess()
            .toEvent(
                message("<r-" + customer.value() + ">", T0.plus(Duration.ofDays(3)), List.of(odd)));

    assertThat(new WarehouseHistory(warehouse).ticketOfMessage(odd)).hasValue(first.ticketId());
    assertThat(reply.ticketId()).isEqualTo(first.ticketId());
    assertThat(new WarehouseHistory(warehouse).ticketOfMessage("' OR '1'='1")).isEmpty();
  }

  private Conversations freshProcess() {
    return new Conversations(
        new InMemoryCustomers(),
        new TicketRouter(Duration.ofHours(24), new WarehouseHistory(warehouse)));
  }

  private void store(TicketEvent event) {
    try (EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(10, Duration.ZERO, 100),
            ZoneOffset.UTC,
            Clock.systemUTC())) {
      writer.add(event);
    }
  }

  private InboundMessage message(String id, Instant at, List<String> refs) {
    return new InboundMessage(
        id,
        Channel.EMAIL,
        at,
        true,
        List.of(customer),
        null,
        refs,
        "order",
        "where is it?",
        "where is it?",
        null,
        "email");
  }
}
