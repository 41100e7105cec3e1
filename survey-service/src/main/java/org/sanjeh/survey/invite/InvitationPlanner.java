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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;

/**
 * Decides invitations from the stream of ticket events. A resolution schedules a decision {@code
 * delay} later; {@link #next} gives the oldest decision whose time has come, an invitation or a
 * skip with its reason (both are recorded: a skip explains a missing survey), and {@link #taken}
 * marks it done once the caller has acted on it durably. Sampling is a hash of the ticket id, so
 * the same events always give the same decisions.
 *
 * <p>Every map here is fed by incoming events and is bounded by what its decisions need:
 *
 * <ul>
 *   <li>reopens are kept only for tickets with a resolution still waiting (the only ones a reopen
 *       can cancel), so at most one per waiting resolution;
 *   <li>a customer's invitations are kept for the fatigue window after the latest decision time,
 *       then dropped (an older one can never skip anyone again); beyond {@code maxCustomers} the
 *       oldest are dropped first, so the fatigue rule relaxes for them rather than memory running
 *       out;
 *   <li>resolutions already planned (Kafka delivers at least once): the last {@code maxPlanned};
 *   <li>waiting resolutions: the caller stops reading when {@link #full} says so.
 * </ul>
 */
public final class InvitationPlanner {

  /** Defaults for the bounds; far above what a day's tickets need. */
  static final int MAX_WAITING = 1_000_000;

  static final int MAX_PLANNED = 1_000_000;
  static final int MAX_CUSTOMERS = 1_000_000;

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

  /** An invitation counted against its customer's fatigue window. */
  private record Invitation(String customerId, Instant at) {}

  private final InvitationPolicy policy;
  private final int maxWaiting;
  private final int maxCustomers;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::sequence));
  private long sequence;

  /** Event ids of the resolutions in {@link #pending}. */
  private final Set<String> awaiting = new HashSet<>();

  /** Per ticket: how many of its resolutions wait, and its latest reopen while they do. */
  private final Map<String, Integer> waitingByTicket = new HashMap<>();

  private final Map<String, Instant> reopenedAt = new HashMap<>();

  /** Resolutions already planned, by event id. */
  private final Map<String, Boolean> planned;

  /** Per customer: the times of their invitations within the fatigue window, oldest first. */
  private final Map<String, Deque<Instant>> invitedByCustomer = new HashMap<>();

  /** The same invitations across customers, in the order they were decided. */
  private final Deque<Invitation> invitations = new ArrayDeque<>();

  public InvitationPlanner(InvitationPolicy policy) {
    this(policy, MAX_WAITING, MAX_PLANNED, MAX_CUSTOMERS);
  }

  InvitationPlanner(InvitationPolicy policy, int maxWaiting, int maxPlanned, int maxCustomers) {
    this.policy = policy;
    this.maxWaiting = maxWaiting;
    this.maxCustomers = maxCustomers;
    this.planned =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > maxPlanned;
          }
        };
  }

  /** Takes an event in; true if it is a resolution now waiting for its decision. */
  public boolean apply(TicketEvent event) {
    boolean solved =
        event.type() == EventType.RESOLVED
            || event.type() == EventType.CLOSED
            || (event.type() == EventType.STATUS_CHANGED && event.status() == TicketStatus.SOLVED);
    if (solved && planned.put(event.eventId(), Boolean.TRUE) == null) {
      pending.add(new Pending(event, event.occurredAt().plus(policy.delay()), sequence++));
      awaiting.add(event.eventId());
      waitingByTicket.merge(event.ticketId(), 1, Integer::sum);
      return true;
    }
    if (event.type() == EventType.REOPENED && waitingByTicket.containsKey(event.ticketId())) {
      reopenedAt.merge(event.ticketId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return false;
  }

  /** Whether the resolution with this event id still waits for its decision. */
  public boolean awaits(String eventId) {
    return awaiting.contains(eventId);
  }

  /** Whether the resolution with this event id was read and its decision taken. */
  boolean decided(String eventId) {
    return planned.containsKey(eventId) && !awaiting.contains(eventId);
  }

  /** Whether as many resolutions wait as the planner holds: read no more until some are due. */
  public boolean full() {
    return pending.size() >= maxWaiting;
  }

  /**
   * The oldest decision due at or before {@code now}, if any. It stays the oldest, and its
   * resolution keeps waiting, until it is {@link #taken}: a caller that fails to act on it gets it
   * again.
   */
  public Optional<Decision> next(Instant now) {
    Pending due = pending.peek();
    if (due == null || due.due().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(decide(due));
  }

  /** The caller acted on {@code decision}, the one {@link #next} gave last: it is done. */
  public void taken(Decision decision) {
    Pending due = pending.peek();
    if (due == null || due.resolution() != decision.resolution()) {
      throw new IllegalStateException("only the decision next() gave can be taken");
    }
    pending.poll();
    TicketEvent resolution = due.resolution();
    awaiting.remove(resolution.eventId());
    if (waitingByTicket.merge(resolution.ticketId(), -1, Integer::sum) <= 0) {
      waitingByTicket.remove(resolution.ticketId());
      reopenedAt.remove(resolution.ticketId());
    }
    if (decision.invite()) {
      remember(new Invitation(decision.customerId(), decision.at()));
    }
    forgetInvitationsBefore(decision.at().minus(policy.fatigueWindow()));
  }

  /** The decisions due at or before {@code now}, oldest first, each taken. */
  public List<Decision> due(Instant now) {
    List<Decision> decisions = new ArrayList<>();
    for (Optional<Decision> d = next(now); d.isPresent(); d = next(now)) {
      taken(d.get());
      decisions.add(d.get());
    }
    return decisions;
  }

  /** A waiting resolution's identity: its event, ticket and decision time. */
  record Due(String eventId, String ticketId, Instant at) {}

  /**
   * Up to {@code limit} waiting resolutions due at or before {@code by} that {@code wanted}
   * accepts, the oldest waiting one first when it is among them.
   */
  List<Due> dueBy(Instant by, java.util.function.Predicate<String> wanted, int limit) {
    List<Due> found = new ArrayList<>();
    Pending head = pending.peek();
    if (head != null && !head.due().isAfter(by) && wanted.test(head.resolution().eventId())) {
      found.add(due(head));
    }
    for (Pending p : pending) {
      if (found.size() >= limit) {
        break;
      }
      if (p != head && !p.due().isAfter(by) && wanted.test(p.resolution().eventId())) {
        found.add(due(p));
      }
    }
    return found;
  }

  private static Due due(Pending p) {
    return new Due(p.resolution().eventId(), p.resolution().ticketId(), p.due());
  }

  /** Tickets whose reopen is held (for a resolution still waiting). */
  int reopensHeld() {
    return reopenedAt.size();
  }

  /** Customers whose invitations are held for the fatigue rule. */
  int customersHeld() {
    return invitedByCustomer.size();
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
    Instant windowStart = at.minus(policy.fatigueWindow());
    long recent =
        invitedByCustomer.getOrDefault(customer, new ArrayDeque<>()).stream()
            .filter(invited -> invited.isAfter(windowStart))
            .count();
    if (recent >= policy.maxPerCustomer()) {
      return skip(
          due, "customer already invited " + recent + " time(s) within " + policy.fatigueWindow());
    }
    if (sample(ticket) >= policy.sampleShare()) {
      return skip(due, "not in the " + Math.round(policy.sampleShare() * 100) + "% sample");
    }
    return new Decision(ticket, customer, at, true, "invited", due.resolution());
  }

  private void remember(Invitation invitation) {
    invitedByCustomer
        .computeIfAbsent(invitation.customerId(), c -> new ArrayDeque<>())
        .addLast(invitation.at());
    invitations.addLast(invitation);
    while (invitedByCustomer.size() > maxCustomers) {
      forget(invitations.pollFirst());
    }
  }

  /**
   * Invitations at or before {@code cutoff} can skip nobody any more: decisions come in the order
   * they are due, so every later one is at least a fatigue window after them.
   */
  private void forgetInvitationsBefore(Instant cutoff) {
    while (!invitations.isEmpty() && !invitations.peekFirst().at().isAfter(cutoff)) {
      forget(invitations.pollFirst());
    }
  }

  private void forget(Invitation invitation) {
    Deque<Instant> times = invitedByCustomer.get(invitation.customerId());
    if (times != null) {
      times.removeFirstOccurrence(invitation.at());
      if (times.isEmpty()) {
        invitedByCustomer.remove(invitation.customerId());
      }
    }
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
