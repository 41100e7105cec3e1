package org.sanjeh.batch.rollup;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.batch.io.Lifecycle;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEvent;

/**
 * One ticket's contributions to the daily KPIs (docs/metrics.md, "Other service metrics"), by local
 * day in one time zone. Solves and reopens follow {@code core}'s SlaClock: {@code resolved} and
 * {@code closed} events, or a status of solved/closed, solve an unsolved ticket; a {@code reopened}
 * event or any other status reopens a solved one. A deleted ticket counts nowhere; a merged one
 * leaves the backlog at the merge.
 *
 * @param backlogAt the local time of the daily backlog snapshot; {@code null} means the end of the
 *     day (the next day's midnight)
 */
public record DailyFacts(ZoneId zone, LocalDate from, LocalDate to, LocalTime backlogAt)
    implements Serializable {

  /** The counters of one fact, each 0 or 1, under the ticket's dimensions at that moment. */
  public record Fact(
      LocalDate day,
      String channel,
      String team,
      String agent,
      int created,
      int solved,
      int solvedTickets,
      int fcr,
      int zeroReplySolved,
      int reopened,
      int backlog) {}

  private enum Kind {
    CREATED,
    SOLVED,
    REOPENED,
    BACKLOG
  }

  /** The instant of day {@code day}'s backlog snapshot. */
  public Instant snapshot(LocalDate day) {
    return backlogAt == null
        ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : day.atTime(backlogAt).atZone(zone).toInstant();
  }

  /** The facts of one ticket, {@code events} in event-time order, all of one ticket. */
  public List<Fact> of(List<TicketEvent> events) {
    List<Fact> facts = new ArrayList<>();
    if (events.isEmpty() || events.stream().anyMatch(e -> e.type() == EventType.DELETED)) {
      return facts;
    }
    Walk walk = new Walk();
    Instant createdAt = events.get(0).occurredAt();
    int i = 0;
    for (LocalDate day = max(localDay(createdAt), from); ; day = day.plusDays(1)) {
      Instant snapshot = day.isAfter(to) ? Instant.MAX : snapshot(day);
      while (i < events.size() && events.get(i).occurredAt().isBefore(snapshot)) {
        walk.apply(events.get(i++));
      }
      if (day.isAfter(to)) {
        break;
      }
      if (walk.lifecycle.open() && createdAt.isBefore(snapshot)) {
        walk.note(day, Kind.BACKLOG);
      }
    }
    for (Pending p : walk.pending) {
      if (inPeriod(p.day)) {
        facts.add(
            new Fact(
                p.day,
                p.channel,
                p.team,
                p.agent,
                p.kind == Kind.CREATED ? 1 : 0,
                p.kind == Kind.SOLVED ? 1 : 0,
                0,
                0,
                0,
                p.kind == Kind.REOPENED ? 1 : 0,
                p.kind == Kind.BACKLOG ? 1 : 0));
      }
    }
    Pending first = walk.firstSolve;
    if (first != null && inPeriod(first.day)) {
      facts.add(
          new Fact(
              first.day,
              first.channel,
              first.team,
              first.agent,
              0,
              0,
              1,
              walk.replies == 1 && walk.lifecycle.reopens() == 0 ? 1 : 0,
              walk.replies == 0 ? 1 : 0,
              0,
              0));
    }
    return facts;
  }

  private boolean inPeriod(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** The ticket as its events are applied in order: status, dimensions, what happened when. */
  private final class Walk {
    final Lifecycle lifecycle = new Lifecycle();
    String channel = "";
    String team = "";
    String agent = "";
    boolean started;
    int replies;
    Pending firstSolve;
    final List<Pending> pending = new ArrayList<>();

    void apply(TicketEvent e) {
      if (lifecycle.merged()) {
        return; // a merged ticket's later events count nowhere, as in the SLA clocks
      }
      channel = e.channel().wire();
      team = e.team() != null ? e.team() : team;
      agent = e.agentId() != null ? e.agentId() : agent;
      if (!started) {
        started = true;
        note(localDay(e.occurredAt()), Kind.CREATED);
      }
      if (e.isPublicHumanReply()) {
        replies++;
      }
      switch (lifecycle.apply(e)) {
        case SOLVED -> {
          Pending p = note(localDay(e.occurredAt()), Kind.SOLVED);
          firstSolve = firstSolve == null ? p : firstSolve;
        }
        case REOPENED -> note(localDay(e.occurredAt()), Kind.REOPENED);
        default -> {}
      }
    }

    Pending note(LocalDate day, Kind kind) {
      Pending p = new Pending(day, kind, channel, team, agent);
      pending.add(p);
      return p;
    }
  }

  private record Pending(LocalDate day, Kind kind, String channel, String team, String agent) {}

  private LocalDate localDay(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
