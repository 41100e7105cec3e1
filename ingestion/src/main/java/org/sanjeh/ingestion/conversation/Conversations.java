package org.sanjeh.ingestion.conversation;

import java.util.function.BiFunction;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * Turns channel messages into ticket events: finds the customer behind the message's identities,
 * routes the message to a ticket, and writes the event. The customer lookup is injected: {@code
 * IdentityResolver} against ClickHouse in production, anything that maps identities to an id in a
 * unit test of the routing.
 */
public final class Conversations {

  private static final String PLACEHOLDER_CUSTOMER = "C-0000000000000000";
  private static final String PLACEHOLDER_TICKET = "T-00000000000000000000";

  private final BiFunction<InboundMessage, String, String> customers;
  private final TicketRouter router;

  /**
   * @param customers (message, source) to customer id
   */
  public Conversations(BiFunction<InboundMessage, String, String> customers, TicketRouter router) {
    this.customers = customers;
    this.router = router;
  }

  /**
   * The event this message would become, without finding its customer or routing it: so it can be
   * checked against the event contract before anything is remembered or linked. The ticket and
   * customer ids are placeholders as long as real ones.
   */
  public TicketEvent preview(InboundMessage message) {
    return event(message, PLACEHOLDER_CUSTOMER, new TicketRouter.Route(PLACEHOLDER_TICKET, true));
  }

  public TicketEvent toEvent(InboundMessage message) {
    String customer = customers.apply(message, message.sourceSystem());
    return event(message, customer, router.route(customer, message));
  }

  private static TicketEvent event(
      InboundMessage message, String customer, TicketRouter.Route route) {
    EventType type =
        !message.fromCustomer()
            ? EventType.AGENT_REPLY
            : route.opensTicket() ? EventType.TICKET_CREATED : EventType.CUSTOMER_MESSAGE;
    return TicketEvent.builder()
        .eventId(StableIds.event(message.sourceSystem(), message.messageId()))
        .ticketId(route.ticketId())
        .occurredAt(message.at())
        .type(type)
        .channel(message.channel())
        .authorRole(message.fromCustomer() ? AuthorRole.CUSTOMER : AuthorRole.AGENT)
        .authorId(message.fromCustomer() ? customer : message.agentId())
        .customerId(customer)
        .agentId(message.fromCustomer() ? null : message.agentId())
        .language(message.language())
        .subject(message.subject())
        .body(message.body())
        .sourceSystem(message.sourceSystem())
        .sourceRef(message.messageId())
        .build();
  }

  /**
   * A follow-up on the same ticket that is not a message (an answered call's reply, a resolution),
   * with its own stable id.
   */
  public TicketEvent followUp(
      TicketEvent on, String idSuffix, EventType type, java.time.Instant at, String agentId) {
    if (type == EventType.RESOLVED || type == EventType.CLOSED) {
      router.solved(on.customerId(), on.ticketId());
    }
    return on.toBuilder()
        .eventId(on.eventId() + ":" + idSuffix)
        .type(type)
        .occurredAt(at)
        .authorRole(AuthorRole.AGENT)
        .authorId(agentId)
        .agentId(agentId)
        .subject(null)
        .body(null)
        .status(
            type == EventType.RESOLVED ? org.sanjeh.core.event.TicketStatus.SOLVED : on.status())
        .build();
  }
}
