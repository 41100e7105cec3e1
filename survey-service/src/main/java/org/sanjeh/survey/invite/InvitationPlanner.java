package org.sanjeh.survey.invite;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * Decides invitations from the stream of ticket events. A resolution schedules a decision {@code
 * delay} later; {@link #due} makes the decisions whose time has come, each an invitation or a skip
 * with its reason (both are recorded: a skip explains a missing survey). Sampling is a hash of the
 * ticket id, so the same events always give the same decisions.
 */
public final class InvitationPlanner {

  /** An invitation to send, or a skip and why. */
  public record Decision(
      String ticketId,
      String customerId,
      Instant at,
      boolean invite,
      String reason,
      TicketEvent resolution) {}

  /**
   * {@code sequence} keeps decisions due at the same instant in the order their tickets were
   * solved.
   */
  private record Pending(TicketEvent resolution, Instant due, long sequence) {}

  private final InvitationPolicy policy;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::sequence));
  private long sequence;
  private final Map<String, Instant> reopenedAt = new HashMap<>();

  /** Resolutions already planned, by event id: Kafka delivers at least once. The last 1,000,000. */
  private final Map<String, Boolean> planned =
      new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > 1_000_000;
        }
      };

  private final Map<String, Deque<Instant>> invitedByCustomer = new HashMap<>();

  public InvitationPlanner(InvitationPolicy policy) {
    this.policy = policy;
  }

  /** Event ids of the resolutions in {@link #pending}. */
  private final java.util.Set<String> awaiting = new java.util.HashSet<>();

  /** Takes an event in; true if it is a resolution now waiting for its decision. */
  public boolean apply(TicketEvent event) {
    boolean solved =
        event.type() == EventType.RESOLVED
            || event.type() == EventType.CLOSED
            || (event.type() == EventType.STATUS_CHANGED && event.status() == TicketStatus.SOLVED);
    if (solved && planned.put(event.eventId(), Boolean.TRUE) == null) {
      pending.add(new Pending(event, event.occurredAt().plus(policy.delay()), sequence++));
      awaiting.add(event.eventId());
      return true;
    }
    if (event.type() == EventType.REOPENED) {
      reopenedAt.merge(event.ticketId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return false;
  }

  /** Whether the resolution with this event id still waits for its decision. */
  public boolean awaits(String eventId) {
    return awaiting.contains(eventId);
  }

  /** The decisions due at or before {@code now}, oldest first. */
  public List<Decision> due(Instant now) {
    List<Decision> decisions = new ArrayList<>();
    while (!pending.isEmpty() && !pending.peek().due().isAfter(now)) {
      Pending due = pending.poll();
      awaiting.remove(due.resolution().eventId());
      decisions.add(decide(due));
    }
    return decisions;
  }

  private Decision decide(Pending due) {
    TicketEvent resolution = due.resolution();
    String ticket = resolution.ticketId();
    String customer = resolution.customerId();
    Instant at = due.due();
    Instant reopened = reopenedAt.get(ticket);
    if (reopened != null && reopened.isAfter(resolution.occurredAt()) && !reopened.isAfter(at)) {
      return skip(due, "reopened after it was solved");
    }
    if (customer == null) {
      return skip(due, "no customer id on the resolution");
    }
    if (!policy.channels().isEmpty() && !policy.channels().contains(resolution.channel())) {
      return skip(due, "channel " + resolution.channel().wire() + " is not surveyed");
    }
    if (!policy.teams().isEmpty() && !policy.teams().contains(resolution.team())) {
      return skip(due, "team " + resolution.team() + " is not surveyed");
    }
    Deque<Instant> recent = invitedByCustomer.computeIfAbsent(customer, c -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(at.minus(policy.fatigueWindow()))) {
      recent.pollFirst();
    }
    if (recent.size() >= policy.maxPerCustomer()) {
      return skip(
          due,
          "customer already invited "
              + recent.size()
              + " time(s) within "
              + policy.fatigueWindow());
    }
    if (sample(ticket) >= policy.sampleShare()) {
      return skip(due, "not in the " + Math.round(policy.sampleShare() * 100) + "% sample");
    }
    recent.addLast(at);
    return new Decision(ticket, customer, at, true, "invited", due.resolution());
  }

  private static Decision skip(Pending due, String reason) {
    TicketEvent r = due.resolution();
    return new Decision(r.ticketId(), r.customerId(), due.due(), false, reason, r);
  }

  /** A number in [0, 1) fixed by the ticket id. */
  static double sample(String ticketId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(ticketId.getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
      return bits / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
