package org.sanjeh.streaming.testing;

import java.time.Duration;
import java.time.Instant;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.event.EventType;
import org.sanjeh.streaming.source.SlaEvent;

/**
 * Hand-made SLA events for the function and job tests: a chat ticket of team {@code support}, the
 * customer {@code customer-1}, the agent {@code agent-1}, minutes after {@link #T0}.
 */
public final class SlaEvents {

  /** Wall-clock time, 24/7: first response 60 min (at risk from 45), resolution 8 h. */
  public static final String POLICY =
      """
      {"name": "test", "calendar": {"timezone": "UTC", "hours": "always"}, "business_time": false,
       "rules": [{"first_response_minutes": 60, "resolution_minutes": 480}]}
      """;

  /** A Monday, 09:00 UTC. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private SlaEvents() {}

  /** {@code minutes} after {@link #T0}, epoch ms. */
  public static long at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes)).toEpochMilli();
  }

  public static SlaEvent event(
      String id, String ticket, int minute, EventType type, AuthorRole role) {
    SlaEvent e = new SlaEvent();
    e.eventId = id;
    e.ticketId = ticket;
    e.occurredAt = at(minute);
    e.type = type;
    e.channel = Channel.CHAT;
    e.authorRole = role;
    e.authorId = role == AuthorRole.AGENT ? "agent-1" : "customer-1";
    e.agentId = role == AuthorRole.AGENT ? "agent-1" : null;
    e.team = "support";
    e.hasText = type == EventType.TICKET_CREATED || type == EventType.CUSTOMER_MESSAGE;
    return e;
  }
}
