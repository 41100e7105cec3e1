package org.sanjeh.batch.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/** Ticket histories for tests, written as a story: {@code ticket("t1").created(...).reply(...)}. */
public final class Tickets {

  private final String ticketId;
  private final List<TicketEvent> events = new ArrayList<>();
  private Channel channel = Channel.EMAIL;
  private String team;
  private String agent;
  private String customer;
  private Priority priority = Priority.NORMAL;

  private Tickets(String ticketId) {
    this.ticketId = ticketId;
  }

  public static Tickets ticket(String ticketId) {
    return new Tickets(ticketId);
  }

  public Tickets channel(Channel value) {
    channel = value;
    return this;
  }

  public Tickets team(String value) {
    team = value;
    return this;
  }

  public Tickets agent(String value) {
    agent = value;
    return this;
  }

  public Tickets customer(String value) {
    customer = value;
    return this;
  }

  public Tickets priority(Priority value) {
    priority = value;
    return this;
  }

  public Tickets created(String at) {
    return add(at, EventType.TICKET_CREATED, AuthorRole.CUSTOMER, TicketStatus.NEW);
  }

  /** The customer opens the ticket with {@code text}. */
  public Tickets createdSaying(String at, String text) {
    events.add(
        base(at, EventType.TICKET_CREATED, AuthorRole.CUSTOMER, TicketStatus.NEW)
            .body(text)
            .build());
    return this;
  }

  public Tickets customerMessage(String at) {
    return add(at, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER, null);
  }

  /** A customer writing on a solved ticket, which reopens it. */
  public Tickets customerReopens(String at) {
    return add(at, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER, TicketStatus.OPEN);
  }

  public Tickets reply(String at) {
    return add(at, EventType.AGENT_REPLY, AuthorRole.AGENT, null);
  }

  public Tickets note(String at) {
    return add(at, EventType.INTERNAL_NOTE, AuthorRole.AGENT, null);
  }

  public Tickets status(String at, TicketStatus status) {
    return add(at, EventType.STATUS_CHANGED, AuthorRole.AGENT, status);
  }

  public Tickets resolved(String at) {
    return add(at, EventType.RESOLVED, AuthorRole.AGENT, TicketStatus.SOLVED);
  }

  public Tickets deleted(String at) {
    return add(at, EventType.DELETED, AuthorRole.SYSTEM, null);
  }

  public Tickets merged(String at) {
    TicketEvent e = base(at, EventType.MERGED, AuthorRole.SYSTEM, null).mergedInto("other").build();
    events.add(e);
    return this;
  }

  public List<TicketEvent> events() {
    return List.copyOf(events);
  }

  private Tickets add(String at, EventType type, AuthorRole role, TicketStatus status) {
    events.add(base(at, type, role, status).build());
    return this;
  }

  private TicketEvent.Builder base(
      String at, EventType type, AuthorRole role, TicketStatus status) {
    return TicketEvent.builder()
        .eventId(ticketId + "-" + events.size())
        .ticketId(ticketId)
        .occurredAt(Instant.parse(at))
        .type(type)
        .channel(channel)
        .authorRole(role)
        .authorId(role == AuthorRole.AGENT ? agent : customer)
        .customerId(customer)
        .agentId(agent)
        .team(team)
        .priority(priority)
        .status(status);
  }
}
