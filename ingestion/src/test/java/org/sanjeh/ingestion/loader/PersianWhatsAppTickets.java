package org.sanjeh.ingestion.loader;

import java.time.Instant;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * The loader tests' events: WhatsApp tickets of Persian customer messages, one a minute from
 * 2024-05-01 08:00 UTC, each ticket opened by its first event.
 */
final class PersianWhatsAppTickets {

  private final String eventIdPrefix;
  private final String run;
  private final int eventsPerTicket;

  /**
   * @param run makes the ids of one test run its own
   */
  PersianWhatsAppTickets(String eventIdPrefix, String run, int eventsPerTicket) {
    this.eventIdPrefix = eventIdPrefix;
    this.run = run;
    this.eventsPerTicket = eventsPerTicket;
  }

  /** The i-th event, from 0. */
  TicketEvent event(int i) {
    return TicketEvent.builder()
        .eventId(eventIdPrefix + run + "-" + i)
        .ticketId("T-" + run + "-" + (i / eventsPerTicket))
        .occurredAt(Instant.parse("2024-05-01T08:00:00Z").plusSeconds(i * 60L))
        .type(i % eventsPerTicket == 0 ? EventType.TICKET_CREATED : EventType.CUSTOMER_MESSAGE)
        .channel(Channel.WHATSAPP)
        .authorRole(AuthorRole.CUSTOMER)
        .customerId("C-" + i / eventsPerTicket)
        .body("پیام " + i)
        .language("fa")
        .build();
  }
}
