package org.sanjeh.dashboards.viewer.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sanjeh.core.sla.ClockSegment;
import org.sanjeh.core.sla.TargetRun;
import org.sanjeh.dashboards.timeline.TicketTimeline;
import org.sanjeh.dashboards.timeline.TimelineEvent;

/**
 * A ticket's timeline for the browser: instants as ISO-8601 UTC, durations in seconds, statuses and
 * segment kinds in lower case, and the engine's own English sentence of why each target was met or
 * missed.
 */
record TimelineView(
    String ticketId,
    String policy,
    String businessZone,
    String asOf,
    List<Event> events,
    List<Target> targets) {

  static TimelineView of(TicketTimeline timeline) {
    Instant asOf = timeline.asOf();
    return new TimelineView(
        timeline.ticketId(),
        timeline.policy(),
        timeline.businessZone().getId(),
        asOf.toString(),
        timeline.events().stream().map(Event::of).toList(),
        timeline.targets().stream().map(run -> Target.of(run, asOf)).toList());
  }

  record Event(
      String at,
      String type,
      String authorRole,
      String agentId,
      String team,
      String channel,
      String priority,
      String status,
      boolean hasText,
      boolean applied) {

    static Event of(TimelineEvent e) {
      return new Event(
          e.at().toString(),
          e.type(),
          e.authorRole(),
          e.agentId(),
          e.team(),
          e.channel(),
          e.priority(),
          e.status(),
          e.hasText(),
          e.applied());
    }
  }

  /** {@code marginSeconds}: wall-clock time to spare at the end (negative: how late). */
  record Target(
      String target,
      int cycle,
      String status,
      Long targetSeconds,
      String startedAt,
      String dueAt,
      String fulfilledAt,
      long countedSeconds,
      long measuredSeconds,
      Long marginSeconds,
      boolean restarted,
      String reason,
      List<Segment> segments) {

    static Target of(TargetRun run, Instant asOf) {
      return new Target(
          lower(run.which()),
          run.cycle(),
          lower(run.status()),
          run.target() == null ? null : run.target().toSeconds(),
          text(run.startedAt()),
          text(run.dueAt()),
          text(run.fulfilledAt()),
          run.counted().toSeconds(),
          run.measured().toSeconds(),
          run.margin(asOf).map(Duration::toSeconds).orElse(null),
          run.restarted(),
          run.reason(asOf),
          run.segments().stream().map(Segment::of).toList());
    }
  }

  record Segment(String from, String to, String kind, long seconds) {
    static Segment of(ClockSegment segment) {
      return new Segment(
          segment.from().toString(),
          segment.to().toString(),
          lower(segment.kind()),
          segment.length().toSeconds());
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
