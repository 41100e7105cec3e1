package org.sanjeh.streaming.source;

import java.time.Instant;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.Priority;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * The part of a {@link TicketEvent} the SLA job needs, as a Flink POJO (public fields, no-argument
 * constructor) so that it crosses the network between operators with Flink's own serializers, not
 * Kryo. Message texts and tags stay behind: they are the bulk of an event and no clock reads them,
 * only whether a text was there.
 */
public final class SlaEvent {

  public String eventId;
  public String ticketId;
  public long occurredAt;
  public EventType type;
  public Channel channel;
  public AuthorRole authorRole;
  public String authorId;
  public String agentId;
  public String team;
  public Priority priority;
  public TicketStatus status;
  public String customerTier;
  public boolean hasText;

  public SlaEvent() {}

  public static SlaEvent of(TicketEvent event) {
    SlaEvent e = new SlaEvent();
    e.eventId = event.eventId();
    e.ticketId = event.ticketId();
    e.occurredAt = event.occurredAt().toEpochMilli();
    e.type = event.type();
    e.channel = event.channel();
    e.authorRole = event.authorRole();
    e.authorId = event.authorId();
    e.agentId = event.agentId();
    e.team = event.team();
    e.priority = event.priority();
    e.status = event.status();
    e.customerTier = event.customerTier();
    e.hasText = event.body() != null;
    return e;
  }

  /** Back to the event {@link org.sanjeh.core.sla.SlaClock} reads (the text is a placeholder). */
  public TicketEvent toTicketEvent() {
    return TicketEvent.builder()
        .eventId(eventId)
        .ticketId(ticketId)
        .occurredAt(Instant.ofEpochMilli(occurredAt))
        .type(type)
        .channel(channel)
        .authorRole(authorRole)
        .authorId(authorId)
        .agentId(agentId)
        .team(team)
        .priority(priority)
        .status(status)
        .customerTier(customerTier)
        .body(hasText ? "" : null)
        .build();
  }

  @Override
  public String toString() {
    return "SlaEvent[%s %s %s at %s]"
        .formatted(ticketId, eventId, type, Instant.ofEpochMilli(occurredAt));
  }
}
