package org.sanjeh.dashboards.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.sanjeh.core.sla.SlaTarget;
import org.sanjeh.core.sla.TargetRun;

/**
 * One ticket's timeline: its events in order and, for each SLA target, every run of the clock with
 * the stretches that counted as business time, were paused or closed, where the deadline fell and
 * why it was met or missed ({@link TargetRun#reason}).
 *
 * @param businessZone the calendar's time zone, for showing local times
 * @param asOf the moment the clocks are shown at: the ticket row's ({@code sla_tickets.as_of}), so
 *     the timeline agrees with the number it was opened from
 * @param targets ordered by target, then cycle; empty when no clock started
 */
public record TicketTimeline(
    String ticketId,
    String policy,
    ZoneId businessZone,
    Instant asOf,
    List<TimelineEvent> events,
    List<TargetRun> targets) {

  public TicketTimeline {
    events = List.copyOf(events);
    targets = List.copyOf(targets);
  }

  /** The runs of one target, oldest first. */
  public List<TargetRun> runs(SlaTarget which) {
    return targets.stream().filter(run -> run.which() == which).toList();
  }
}
