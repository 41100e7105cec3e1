package org.sanjeh.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.calendar.BusinessCalendar;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.SlaState.TargetState;

/**
 * Explains a ticket's SLA clocks: runs its events through the one engine ({@link SlaClock}, the
 * clock the streaming job drives) and watches the clock's state between events, so the explanation
 * cannot drift from the numbers. Between two events a clock's state is fixed (running, paused or
 * stopped); a running stretch is split into business hours ({@link
 * BusinessCalendar#openSpansMillis}) and closed time. Each run's totals, deadline and status are
 * the engine's own reports, not recomputed here.
 *
 * <p>Events are applied in event-time order (stable for equal instants), as the streaming job ends
 * up applying them whatever order they arrived in; duplicates are ignored as the engine ignores
 * them. Events after {@code asOf} are left out.
 */
public final class SlaExplainer {

  private static final SlaTarget[] TARGETS = SlaTarget.values();

  private SlaExplainer() {}

  public static SlaExplanation explain(
      List<TicketEvent> events, SlaPolicy policy, BusinessCalendar calendar, Instant asOf) {
    List<TicketEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(TicketEvent::occurredAt)); // stable
    SlaClock clock = new SlaClock(policy, calendar);
    Map<SlaTarget, Tracker> trackers = new EnumMap<>(SlaTarget.class);
    for (SlaTarget which : TARGETS) {
      trackers.put(which, new Tracker(which, policy.businessTime(), calendar));
    }
    List<TicketEvent> ignored = new ArrayList<>();
    long end = asOf.toEpochMilli();
    long previous = -1;
    for (TicketEvent event : ordered) {
      long at = event.occurredAt().toEpochMilli();
      if (at > end) {
        break;
      }
      if (previous >= 0) {
        for (Tracker tracker : trackers.values()) {
          tracker.between(previous, at, clock.state());
        }
      }
      Map<SlaTarget, TargetReport> before = clock.report(event.occurredAt());
      int cyclesBefore = clock.state().nextResponse.completedCycles;
      if (clock.apply(event) != SlaClock.Applied.APPLIED) {
        ignored.add(event);
        continue;
      }
      boolean cycleCompleted = clock.state().nextResponse.completedCycles > cyclesBefore;
      for (Tracker tracker : trackers.values()) {
        tracker.afterEvent(at, before.get(tracker.which), clock, cycleCompleted);
      }
      previous = at;
    }
    List<TargetRun> runs = new ArrayList<>();
    for (Tracker tracker : trackers.values()) {
      if (previous >= 0) {
        tracker.between(previous, end, clock.state());
      }
      tracker.finish(clock.report(tracker.which, asOf));
      runs.addAll(tracker.runs);
    }
    return new SlaExplanation(policy.name(), asOf, runs, ignored);
  }

  /** Follows one target's clock through the events, run by run. */
  private static final class Tracker {
    final SlaTarget which;
    final boolean businessTime;
    final BusinessCalendar calendar;
    final List<TargetRun> runs = new ArrayList<>();

    /** The current run: its start (-1: none) and segments; a stopped stretch waits for a resume. */
    long startedAt = -1;

    List<ClockSegment> segments = new ArrayList<>();
    List<ClockSegment> stopped = new ArrayList<>();

    Tracker(SlaTarget which, boolean businessTime, BusinessCalendar calendar) {
      this.which = which;
      this.businessTime = businessTime;
      this.calendar = calendar;
    }

    /** The clock's state after the last event holds from {@code from} to {@code to}. */
    void between(long from, long to, SlaState state) {
      if (startedAt < 0 || to <= from) {
        return;
      }
      TargetState t = state.of(which);
      if (t.runningSince >= 0) {
        running(from, to);
      } else if (t.phase == TargetState.ACTIVE && t.pausedSince >= 0) {
        resumed();
        add(from, to, ClockSegment.Kind.PAUSED);
      } else if (t.phase == TargetState.SET_ASIDE || t.phase == TargetState.FULFILLED) {
        // counts as a segment only if a reopen resumes this run later
        stopped.add(new ClockSegment(instant(from), instant(to), ClockSegment.Kind.SOLVED));
      }
    }

    private void running(long from, long to) {
      resumed();
      if (!businessTime) {
        add(from, to, ClockSegment.Kind.COUNTED);
        return;
      }
      long at = from;
      for (long[] open : calendar.openSpansMillis(from, to)) {
        add(at, open[0], ClockSegment.Kind.OUTSIDE_HOURS);
        add(open[0], open[1], ClockSegment.Kind.COUNTED);
        at = open[1];
      }
      add(at, to, ClockSegment.Kind.OUTSIDE_HOURS);
    }

    private void resumed() {
      for (ClockSegment s : stopped) {
        add(s.from().toEpochMilli(), s.to().toEpochMilli(), s.kind());
      }
      stopped.clear();
    }

    private void add(long from, long to, ClockSegment.Kind kind) {
      if (to <= from) {
        return;
      }
      ClockSegment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last != null && last.kind() == kind && last.to().toEpochMilli() == from) {
        segments.set(segments.size() - 1, new ClockSegment(last.from(), instant(to), kind));
      } else {
        segments.add(new ClockSegment(instant(from), instant(to), kind));
      }
    }

    /**
     * After an event at {@code at}: a run that ended (its clock reset: a next-response cycle
     * answered, or a first response restarted by a bot) is closed with the report just before the
     * event; a run that began is opened, from its start (which may lie before the event: a person's
     * reply without a hand-off counts from the customer's first message).
     */
    void afterEvent(long at, TargetReport before, SlaClock clock, boolean cycleCompleted) {
      TargetState t = clock.state().of(which);
      long nowStarted = t.phase == TargetState.NOT_STARTED ? -1 : t.startedAt;
      if (startedAt >= 0 && nowStarted != startedAt) {
        if (which == SlaTarget.NEXT_RESPONSE && cycleCompleted) {
          boolean late = Breach.breached(millis(before.dueAt()), at, at);
          close(before, late ? SlaStatus.BREACHED : SlaStatus.ACHIEVED, instant(at), false);
        } else {
          close(before, SlaStatus.CANCELLED, null, true);
        }
      }
      if (startedAt < 0 && nowStarted >= 0) {
        startedAt = nowStarted;
        if (nowStarted < at) {
          // started in the past: the engine counts the time since then as running (or paused)
          if (t.runningSince >= 0 || t.fulfilledAt >= 0) {
            running(nowStarted, at);
          } else {
            add(nowStarted, at, ClockSegment.Kind.PAUSED);
          }
        }
      }
    }

    void finish(TargetReport report) {
      if (startedAt >= 0) {
        close(report, report.status(), report.fulfilledAt(), false);
      }
    }

    private void close(TargetReport r, SlaStatus status, Instant fulfilledAt, boolean restarted) {
      runs.add(
          new TargetRun(
              which,
              runs.size() + 1,
              status,
              r.target(),
              r.startedAt(),
              dueAt(r, status, fulfilledAt, this),
              fulfilledAt,
              r.elapsedBusiness(),
              r.measured(businessTime),
              segments,
              restarted));
      startedAt = -1;
      segments = new ArrayList<>();
      stopped = new ArrayList<>();
    }
  }

  /**
   * The engine reports no deadline for a target met before it (nothing was reached); the
   * explanation shows where it would have fallen: the time left, counted on from the fulfilment.
   */
  private static Instant dueAt(TargetReport r, SlaStatus status, Instant fulfilledAt, Tracker t) {
    if (r.dueAt() != null || status != SlaStatus.ACHIEVED || r.target() == null) {
      return r.dueAt();
    }
    long left = r.target().minus(r.measured(t.businessTime)).toMillis();
    long from = fulfilledAt.toEpochMilli();
    return instant(t.businessTime ? t.calendar.addMillis(from, left) : from + left);
  }

  private static Instant instant(long ms) {
    return Instant.ofEpochMilli(ms);
  }

  private static long millis(Instant at) {
    return at == null ? -1 : at.toEpochMilli();
  }
}
