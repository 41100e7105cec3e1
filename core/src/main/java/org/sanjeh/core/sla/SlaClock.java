package org.sanjeh.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.core.sla.SlaState.TargetState;

/**
 * One ticket's SLA clocks. Feed it the ticket's events in event-time order with {@link #apply}; ask
 * {@link #report} where each target stands at a moment, and {@link #nextDeadline} when the next
 * at-risk or breach moment comes (for a streaming job's timers). The state is a small {@link
 * SlaState}; {@link #restore} rebuilds the clock from it.
 *
 * <p>Rules (see {@code docs/metrics.md}):
 *
 * <ul>
 *   <li>Only a public reply by a human agent ({@link TicketEvent#isPublicHumanReply()}) fulfils a
 *       response target; internal notes, bot messages and auto-replies do not.
 *   <li>First response starts at the ticket's creation by the customer, else at the customer's
 *       first message (an agent-created ticket waits for the customer), and is measured once per
 *       ticket: a reopen never restarts it. Bot messages never fulfil it; it starts at the
 *       customer's first message whether or not a bot answered, or, under a policy that says so, at
 *       the hand-off to a person ({@code assigned}); a person's reply without a hand-off counts
 *       from the customer's first message.
 *   <li>Next response starts at the oldest unanswered customer message (a {@code ticket_created} by
 *       the customer that carries text counts as one) and stops at the next human reply.
 *   <li>Resolution starts at creation and is fulfilled when the ticket is solved or closed; a
 *       reopen resumes it, so time while solved does not count.
 *   <li>A customer message without a status on a pending or on-hold ticket opens it again.
 *   <li>An event's {@code status} is applied after the event itself: a reply that also sets {@code
 *       pending} still fulfils the response first, then pauses the clocks.
 *   <li>Solving a ticket stops the response targets still running: a breached one stays breached,
 *       one not yet breached is set aside (status cancelled, out of compliance); a reopen before
 *       any reply resumes it with the time it had used, the time while solved counted as paused. A
 *       reopen by the customer starts a next-response cycle at the reopening message.
 *   <li>A target is breached by the one rule of {@link Breach}.
 *   <li>Events older than the last one applied are ignored and counted as late (a streaming job
 *       that must take them rebuilds the clock from its earlier events); an event id among the last
 *       {@link SlaState#RECENT_IDS} applied is ignored as a duplicate, whatever came in between.
 * </ul>
 */
public final class SlaClock {

  /** What {@link #apply} did with an event. */
  public enum Applied {
    APPLIED,
    DUPLICATE,
    LATE
  }

  private final SlaPolicy policy;
  private final BusinessCalendar calendar;
  private final SlaState state;
  private SlaTargets targets;

  /**
   * Calendar answers already computed by this clock. A streaming job restores a clock per event and
   * asks for the same crossings and elapsed times several times (reports before and after the
   * event, the next deadline): in a profile those repeats were a third of its calendar work.
   */
  private final CalendarMemo memo = new CalendarMemo();

  public SlaClock(SlaPolicy policy, BusinessCalendar calendar) {
    this(policy, calendar, new SlaState());
  }

  private SlaClock(SlaPolicy policy, BusinessCalendar calendar, SlaState state) {
    this.policy = policy;
    this.calendar = calendar;
    this.state = state;
    this.targets = policy.targetsFor(state.priority, state.customerTier, state.channel);
    if (state.lastEventAt >= 0) {
      retarget(state.lastEventAt); // restored under another policy file: its targets apply now
    }
  }

  public static SlaClock restore(SlaState state, SlaPolicy policy, BusinessCalendar calendar) {
    return new SlaClock(policy, calendar, state);
  }

  public SlaState state() {
    return state;
  }

  public Applied apply(TicketEvent event) {
    long at = event.occurredAt().toEpochMilli();
    Applied order = checkOrder(at, event.eventId());
    if (order != Applied.APPLIED) {
      return order;
    }
    if (removed()) {
      return Applied.APPLIED; // a merged or deleted ticket's clocks stay stopped
    }
    updateAttributes(event, at);
    countStatusTime(at);
    boolean wasSolved = state.solved;
    switch (event.type()) {
      case TICKET_CREATED -> created(event, at);
      case CUSTOMER_MESSAGE -> {
        if (event.status() == null) {
          customerAnswered(at);
        }
        customerContact(at);
      }
      case AGENT_REPLY -> {
        if (event.isPublicHumanReply()) {
          humanReply(at);
        }
      }
      case BOT_MESSAGE -> botMessage();
      case ASSIGNED -> assigned(event, at);
      case RESOLVED, CLOSED -> solved(at);
      case REOPENED -> reopened(at);
      case MERGED, DELETED -> removed(event.type() == EventType.DELETED, at);
      default -> {
        // notes, priority and tag changes, merges: no clock moves, beyond the status below
      }
    }
    if (event.status() != null && !removed()) {
      statusChanged(event.status(), at);
    }
    if (wasSolved && !state.solved && event.authorRole() == AuthorRole.CUSTOMER) {
      customerContact(at); // the reopening message starts a next-response cycle
    }
    return Applied.APPLIED;
  }

  /** Every target as of {@code now}. */
  public Map<SlaTarget, TargetReport> report(Instant now) {
    Map<SlaTarget, TargetReport> reports = new EnumMap<>(SlaTarget.class);
    for (SlaTarget target : SlaTarget.values()) {
      reports.put(target, report(target, now));
    }
    return reports;
  }

  public TargetReport report(SlaTarget which, Instant now) {
    TargetState t = state.of(which);
    Duration target = targets.of(which);
    long nowMs = now.toEpochMilli();
    long business =
        t.businessMs + (t.runningSince >= 0 ? segmentBusiness(t.runningSince, nowMs) : 0);
    long wall = t.calendarMs + (t.runningSince >= 0 ? Math.max(0, nowMs - t.runningSince) : 0);
    long paused = t.pausedMs + (t.pausedSince >= 0 ? Math.max(0, nowMs - t.pausedSince) : 0);
    Long due = target == null ? null : crossing(t, target.toMillis(), t.dueReachedAt);
    Long atRisk = target == null ? null : crossing(t, atRiskMillis(target), t.atRiskReachedAt);
    SlaStatus status = status(t, target, due, nowMs);
    if (t.stoppedAt >= 0) {
      due = null; // stopped unfulfilled: no deadline is open any more, the status says how it ended
      atRisk = null;
    }
    return new TargetReport(
        which,
        status,
        target,
        instant(t.startedAt),
        instant(due),
        instant(atRisk),
        instant(t.fulfilledAt),
        Duration.ofMillis(business),
        Duration.ofMillis(wall + paused),
        Duration.ofMillis(paused),
        t.stoppedAt >= 0,
        t.phase == TargetState.ACTIVE
            && atRisk != null
            && nowMs >= atRisk
            && status != SlaStatus.BREACHED);
  }

  /** The next moment after {@code now} at which a running target turns at-risk or breaches. */
  public Optional<Instant> nextDeadline(Instant now) {
    long nowMs = now.toEpochMilli();
    long next = Long.MAX_VALUE;
    for (SlaTarget which : SlaTarget.values()) {
      TargetState t = state.of(which);
      Duration target = targets.of(which);
      if (target == null || t.runningSince < 0) {
        continue;
      }
      for (Long moment :
          new Long[] {
            crossing(t, atRiskMillis(target), t.atRiskReachedAt),
            crossing(t, target.toMillis(), t.dueReachedAt)
          }) {
        if (moment != null && moment > nowMs) {
          next = Math.min(next, moment);
        }
      }
    }
    return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
  }

  /** Completed next-response cycles and the longest one, in the policy's measure. */
  public int nextResponseCycles() {
    return state.nextResponse.completedCycles;
  }

  public Optional<Duration> longestNextResponse() {
    long longest = state.nextResponse.longestCompletedMs;
    return longest < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(longest));
  }

  // --- event handling
  // ------------------------------------------------------------------------------

  private Applied checkOrder(long at, String eventId) {
    if (Arrays.asList(state.recentIds).contains(eventId)) {
      state.duplicateEventsIgnored++;
      return Applied.DUPLICATE;
    }
    if (at < state.lastEventAt) {
      state.lateEventsIgnored++;
      return Applied.LATE;
    }
    state.lastEventAt = at;
    String[] ids = state.recentIds;
    int keep = Math.min(ids.length, SlaState.RECENT_IDS - 1);
    String[] recent = Arrays.copyOfRange(ids, ids.length - keep, ids.length + 1);
    recent[keep] = eventId;
    state.recentIds = recent;
    return Applied.APPLIED;
  }

  private void updateAttributes(TicketEvent event, long at) {
    boolean changed = false;
    if (event.priority() != null && event.priority() != state.priority) {
      state.priority = event.priority();
      changed = true;
    }
    if (event.customerTier() != null && !event.customerTier().equals(state.customerTier)) {
      state.customerTier = event.customerTier();
      changed = true;
    }
    if (state.channel == null) {
      state.channel = event.channel();
      changed = true;
    }
    if (changed) {
      targets = policy.targetsFor(state.priority, state.customerTier, state.channel);
      retarget(at);
    }
  }

  /**
   * Gives the unfinished targets whose target changed (a new priority, tier or channel, or another
   * policy file) the new target, counted from their original start: the time already used stays,
   * the deadline moves, and one already past is reached (alerted at once). Fulfilled targets keep
   * their result.
   */
  private void retarget(long at) {
    for (SlaTarget which : SlaTarget.values()) {
      TargetState t = state.of(which);
      long now = targetMs(which);
      if (t.phase != TargetState.ACTIVE && t.phase != TargetState.SET_ASIDE) {
        continue;
      }
      if (t.targetMs == 0 || t.targetMs == now) {
        t.targetMs = now;
        continue;
      }
      if (t.runningSince >= 0 && at > t.runningSince) {
        t.businessMs += segmentBusiness(t.runningSince, at);
        t.calendarMs += at - t.runningSince;
        t.runningSince = at;
      }
      t.targetMs = now;
      t.dueReachedAt = now < 0 ? -1 : reachedBy(t, now, at);
      t.atRiskReachedAt = now < 0 ? -1 : reachedBy(t, atRiskMillis(Duration.ofMillis(now)), at);
    }
  }

  /**
   * When the target's measure reached {@code threshold}, if it has by {@code at}: exact when the
   * clock has run in one piece since its start, else {@code at} (the pauses in between are summed,
   * not kept).
   */
  private long reachedBy(TargetState t, long threshold, long at) {
    long measured = policy.businessTime() ? t.businessMs : t.calendarMs;
    if (measured < threshold) {
      return -1;
    }
    return t.pausedMs == 0 ? advance(t.startedAt, threshold) : at;
  }

  private long targetMs(SlaTarget which) {
    Duration target = targets.of(which);
    return target == null ? -1 : target.toMillis();
  }

  private void created(TicketEvent event, long at) {
    start(state.resolution, at);
    if (event.authorRole() == AuthorRole.CUSTOMER) {
      noteCustomer(at);
      start(state.firstResponse, at);
      if (event.body() != null) {
        start(state.nextResponse, at);
      }
    }
  }

  private void customerContact(long at) {
    if (state.solved) {
      return; // a message on a solved ticket matters once the ticket is reopened
    }
    noteCustomer(at);
    start(state.resolution, at);
    if (!(policy.firstResponseAtHandOff() && state.botHandling)) {
      start(state.firstResponse, at);
    }
    start(state.nextResponse, at);
  }

  private void noteCustomer(long at) {
    if (state.customerFirstAt < 0) {
      state.customerFirstAt = at;
    }
  }

  /** A bot talked with the customer and no person took over or replied. */
  public boolean botOnly() {
    return state.botTalked && !state.handedOff && !state.humanReplied;
  }

  /**
   * A customer writing on a ticket that waits for them (pending) or is on hold resumes the clocks,
   * as Zendesk reopens it. Only when the event says nothing: live channels send no status, and a
   * help desk that keeps the ticket pending says so in the event.
   */
  private void customerAnswered(long at) {
    if (!state.solved
        && (state.status == TicketStatus.PENDING || state.status == TicketStatus.ON_HOLD)) {
      statusChanged(TicketStatus.OPEN, at);
    }
  }

  private void humanReply(long at) {
    state.botHandling = false;
    state.humanReplied = true;
    if (state.firstResponse.phase == TargetState.NOT_STARTED && state.customerFirstAt >= 0) {
      // a person answered without a hand-off event: the clock counts from the customer's first
      // message, as if no bot had been there, rather than losing the first response
      start(state.firstResponse, state.customerFirstAt);
    }
    if (state.solved) {
      // a reply on a solved ticket answers what was set aside: a reopen no longer resumes it
      cancelSetAside(state.firstResponse);
      cancelSetAside(state.nextResponse);
      return;
    }
    fulfil(state.firstResponse, at);
    if (state.lastPublicReplyAt >= 0) {
      state.periodicUpdates++;
      state.longestPeriodicUpdateMs =
          Math.max(state.longestPeriodicUpdateMs, measure(state.lastPublicReplyAt, at));
    }
    state.lastPublicReplyAt = at;
    TargetState next = state.nextResponse;
    if (next.phase == TargetState.ACTIVE) {
      fulfil(next, at);
      long measured = policy.businessTime() ? next.businessMs : next.calendarMs;
      next.completedCycles++;
      if (Breach.breached(next.dueReachedAt, at, at)) {
        next.breachedCycles++;
      }
      next.longestCompletedMs = Math.max(next.longestCompletedMs, measured);
      next.reset();
    }
  }

  private void botMessage() {
    state.botTalked = true;
    if (state.firstResponse.phase != TargetState.FULFILLED && !state.humanReplied) {
      state.botHandling = true;
      if (policy.firstResponseAtHandOff()) {
        state.firstResponse.reset(); // the bot answers first: the clock waits for the hand-off
      }
    }
  }

  /**
   * An assignment to a person while a bot was talking is the hand-off; under a hand-off policy the
   * first response counts from here.
   */
  private void assigned(TicketEvent event, long at) {
    if (!state.botHandling || event.authorRole() == AuthorRole.BOT) {
      return;
    }
    state.botHandling = false;
    state.handedOff = true;
    if (policy.firstResponseAtHandOff()) {
      state.firstResponse.reset();
      start(state.firstResponse, at);
    }
  }

  /** Adds the time since the current status began to requester wait and agent work. */
  private void countStatusTime(long at) {
    if (state.statusSince >= 0 && at > state.statusSince) {
      long spent = measure(state.statusSince, at);
      state.requesterWaitMs += waits(state.status) ? spent : 0;
      state.agentWorkMs += works(state.status) ? spent : 0;
    }
    state.statusSince = at;
  }

  /** Requester wait as of {@code now} (Zendesk: time in new, open and on hold). */
  public Duration requesterWait(Instant now) {
    return Duration.ofMillis(state.requesterWaitMs + sinceStatus(now, waits(state.status)));
  }

  /** Agent work as of {@code now} (Zendesk: time in new and open). */
  public Duration agentWork(Instant now) {
    return Duration.ofMillis(state.agentWorkMs + sinceStatus(now, works(state.status)));
  }

  /** Completed periodic updates (between public human replies while open), and the longest. */
  public int periodicUpdates() {
    return state.periodicUpdates;
  }

  public Optional<Duration> longestPeriodicUpdate() {
    long longest = state.longestPeriodicUpdateMs;
    return longest < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(longest));
  }

  private long sinceStatus(Instant now, boolean counts) {
    long nowMs = now.toEpochMilli();
    return counts && state.statusSince >= 0 && nowMs > state.statusSince && !removed()
        ? measure(state.statusSince, nowMs)
        : 0;
  }

  private boolean waits(TicketStatus status) {
    return !state.solved
        && (status == null
            || status == TicketStatus.NEW
            || status == TicketStatus.OPEN
            || status == TicketStatus.ON_HOLD);
  }

  private boolean works(TicketStatus status) {
    return !state.solved
        && (status == null || status == TicketStatus.NEW || status == TicketStatus.OPEN);
  }

  /** Time from {@code from} to {@code to} in the policy's measure (business or wall clock). */
  private long measure(long from, long to) {
    return policy.businessTime() ? segmentBusiness(from, to) : to - from;
  }

  /** Whether the ticket was merged into another or deleted. */
  public boolean removed() {
    return state.merged || state.deleted;
  }

  /**
   * A merge stops the ticket's clocks for good (the surviving ticket carries the conversation on),
   * and so does a deletion: whatever was unfinished is cancelled, even a breach, so that nothing of
   * this ticket counts in compliance or the backlog.
   */
  private void removed(boolean deleted, long at) {
    for (SlaTarget which : SlaTarget.values()) {
      TargetState t = state.of(which);
      if (t.phase == TargetState.ACTIVE || t.phase == TargetState.SET_ASIDE) {
        setAside(t, at);
        t.phase = TargetState.CANCELLED;
      }
    }
    state.merged = !deleted;
    state.deleted = deleted;
  }

  /**
   * Solving stops the reply targets without erasing anything: a breached one stays breached, one
   * not yet breached is set aside (not counted in compliance) until a reopen resumes it.
   */
  private void solved(long at) {
    state.solved = true;
    state.lastPublicReplyAt = -1; // periodic update runs while the ticket is open
    setAside(state.firstResponse, at);
    setAside(state.nextResponse, at);
    TargetState resolution = state.resolution;
    if (resolution.phase == TargetState.ACTIVE) {
      fulfil(resolution, at);
      if (state.firstResolvedAt < 0) {
        state.firstResolvedAt = at;
        state.firstResolutionBusinessMs = resolution.businessMs;
        state.firstResolutionCalendarMs = resolution.calendarMs + resolution.pausedMs;
      }
    }
  }

  /**
   * A reopen resumes what the solve stopped, with the time already used; the time while solved
   * counts as paused. First response is measured once per ticket: a reopen never restarts it.
   */
  private void reopened(long at) {
    state.solved = false;
    resume(state.firstResponse, at);
    resume(state.nextResponse, at);
    TargetState resolution = state.resolution;
    if (resolution.phase == TargetState.FULFILLED) {
      resolution.phase = TargetState.ACTIVE;
      resolution.pausedMs += Math.max(0, at - resolution.fulfilledAt);
      resolution.fulfilledAt = -1;
      resolution.pausedSince = -1;
      resolution.runningSince = at;
    }
    if (policy.pauses(state.status)) {
      pauseAll(at);
    }
  }

  private void statusChanged(TicketStatus status, long at) {
    state.status = status;
    if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
      if (!state.solved) {
        solved(at);
      }
    } else if (state.solved) {
      reopened(at);
    } else if (policy.pauses(status)) {
      pauseAll(at);
    } else {
      resumeAll(at);
    }
  }

  // --- target state transitions
  // --------------------------------------------------------------------

  private void start(TargetState t, long at) {
    if (t.phase != TargetState.NOT_STARTED) {
      return;
    }
    t.phase = TargetState.ACTIVE;
    t.startedAt = at;
    t.targetMs = targetMs(which(t));
    if (policy.pauses(state.status)) {
      t.pausedSince = at;
    } else {
      t.runningSince = at;
    }
  }

  private void pauseAll(long at) {
    for (SlaTarget which : SlaTarget.values()) {
      TargetState t = state.of(which);
      if (t.runningSince >= 0) {
        closeSegment(which, t, at);
        t.pausedSince = at;
      }
    }
  }

  private void resumeAll(long at) {
    for (SlaTarget which : SlaTarget.values()) {
      TargetState t = state.of(which);
      if (t.phase == TargetState.ACTIVE && t.pausedSince >= 0) {
        t.pausedMs += at - t.pausedSince;
        t.pausedSince = -1;
        t.runningSince = at;
      }
    }
  }

  private void fulfil(TargetState t, long at) {
    if (t.phase != TargetState.ACTIVE) {
      return;
    }
    stop(t, at);
    t.phase = TargetState.FULFILLED;
    t.fulfilledAt = at;
  }

  private void setAside(TargetState t, long at) {
    if (t.phase == TargetState.ACTIVE) {
      stop(t, at);
      t.phase = TargetState.SET_ASIDE;
      t.stoppedAt = at;
    }
  }

  private void resume(TargetState t, long at) {
    if (t.phase != TargetState.SET_ASIDE) {
      return;
    }
    t.phase = TargetState.ACTIVE;
    t.pausedMs += Math.max(0, at - t.stoppedAt);
    t.stoppedAt = -1;
    if (policy.pauses(state.status)) {
      t.pausedSince = at;
    } else {
      t.runningSince = at;
    }
  }

  private static void cancelSetAside(TargetState t) {
    if (t.phase == TargetState.SET_ASIDE) {
      t.phase = TargetState.CANCELLED;
    }
  }

  private void stop(TargetState t, long at) {
    SlaTarget which = which(t);
    if (t.runningSince >= 0) {
      closeSegment(which, t, at);
    } else if (t.pausedSince >= 0) {
      t.pausedMs += Math.max(0, at - t.pausedSince);
      t.pausedSince = -1;
    }
  }

  /**
   * Ends the running segment at {@code at}, noting when it crossed the at-risk share and target.
   */
  private void closeSegment(SlaTarget which, TargetState t, long at) {
    long from = t.runningSince;
    long before = policy.businessTime() ? t.businessMs : t.calendarMs;
    t.businessMs += segmentBusiness(from, at);
    t.calendarMs += Math.max(0, at - from);
    long after = policy.businessTime() ? t.businessMs : t.calendarMs;
    Duration target = targets.of(which);
    if (target != null) {
      t.dueReachedAt = crossedAt(t.dueReachedAt, from, before, after, target.toMillis());
      t.atRiskReachedAt = crossedAt(t.atRiskReachedAt, from, before, after, atRiskMillis(target));
    }
    t.runningSince = -1;
  }

  private long crossedAt(long known, long from, long before, long after, long threshold) {
    if (known >= 0 || before >= threshold || after < threshold) {
      return known;
    }
    return advance(from, threshold - before);
  }

  /** Where the target's measure reaches {@code threshold}: known, computable, or not (paused). */
  private Long crossing(TargetState t, long threshold, long reachedAt) {
    if (reachedAt >= 0) {
      return reachedAt;
    }
    if (t.phase != TargetState.ACTIVE || t.runningSince < 0) {
      return null;
    }
    long measured = policy.businessTime() ? t.businessMs : t.calendarMs;
    return advance(t.runningSince, threshold - measured);
  }

  private long advance(long from, long amount) {
    if (!policy.businessTime()) {
      return from + amount;
    }
    long known = memo.find(CalendarMemo.ADD, from, amount);
    if (known != CalendarMemo.MISSING) {
      return known;
    }
    return memo.keep(CalendarMemo.ADD, from, amount, calendar.addMillis(from, amount));
  }

  private long segmentBusiness(long from, long to) {
    if (to <= from) {
      return 0;
    }
    long known = memo.find(CalendarMemo.BETWEEN, from, to);
    if (known != CalendarMemo.MISSING) {
      return known;
    }
    return memo.keep(CalendarMemo.BETWEEN, from, to, calendar.millisBetween(from, to));
  }

  private SlaStatus status(TargetState t, Duration target, Long due, long nowMs) {
    if (target == null) {
      return SlaStatus.NOT_STARTED;
    }
    boolean breached = Breach.breached(due == null ? -1 : due, t.fulfilledAt, nowMs);
    if (state.deleted) {
      return SlaStatus.CANCELLED; // a deleted ticket counts nowhere, not even what it achieved
    }
    return switch (t.phase) {
      case TargetState.NOT_STARTED -> SlaStatus.NOT_STARTED;
      case TargetState.CANCELLED, TargetState.SET_ASIDE ->
          !removed() && Breach.breached(t.dueReachedAt, -1, t.stoppedAt)
              ? SlaStatus.BREACHED
              : SlaStatus.CANCELLED;
      case TargetState.FULFILLED -> breached ? SlaStatus.BREACHED : SlaStatus.ACHIEVED;
      default -> {
        if (breached) {
          yield SlaStatus.BREACHED;
        }
        yield t.runningSince >= 0 ? SlaStatus.RUNNING : SlaStatus.PAUSED;
      }
    };
  }

  private long atRiskMillis(Duration target) {
    return (long) Math.floor(target.toMillis() * policy.atRiskShare());
  }

  private SlaTarget which(TargetState t) {
    if (t == state.firstResponse) {
      return SlaTarget.FIRST_RESPONSE;
    }
    return t == state.nextResponse ? SlaTarget.NEXT_RESPONSE : SlaTarget.RESOLUTION;
  }

  private static Instant instant(Long ms) {
    return ms == null || ms < 0 ? null : Instant.ofEpochMilli(ms);
  }

  private static Instant instant(long ms) {
    return ms < 0 ? null : Instant.ofEpochMilli(ms);
  }

  /** The last few calendar answers, by question; a calendar is immutable, so they stay right. */
  private static final class CalendarMemo {
    static final int ADD = 1;
    static final int BETWEEN = 2;
    static final long MISSING = Long.MIN_VALUE;
    private static final int SIZE = 8;

    private final int[] kinds = new int[SIZE];
    private final long[] firsts = new long[SIZE];
    private final long[] seconds = new long[SIZE];
    private final long[] answers = new long[SIZE];
    private int next;

    long find(int kind, long first, long second) {
      for (int i = 0; i < SIZE; i++) {
        if (kinds[i] == kind && firsts[i] == first && seconds[i] == second) {
          return answers[i];
        }
      }
      return MISSING;
    }

    long keep(int kind, long first, long second, long answer) {
      kinds[next] = kind;
      firsts[next] = first;
      seconds[next] = second;
      answers[next] = answer;
      next = (next + 1) % SIZE;
      return answer;
    }
  }
}
