package org.sanjeh.core.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanjeh.core.event.TicketEvent;

/**
 * A ticket's SLA clocks spelled out: every run of every target, as of a moment.
 *
 * @param runs ordered by target, then cycle
 * @param ignoredEvents events the engine did not apply (a resent event: its id was applied before)
 */
public record SlaExplanation(
    String policy, Instant asOf, List<TargetRun> runs, List<TicketEvent> ignoredEvents) {

  public SlaExplanation {
    runs = List.copyOf(runs);
    ignoredEvents = List.copyOf(ignoredEvents);
  }

  /** The latest run of a target: the one a ticket row ({@code sla_tickets}) reports. */
  public Optional<TargetRun> latest(SlaTarget which) {
    TargetRun found = null;
    for (TargetRun run : runs) {
      if (run.which() == which) {
        found = run;
      }
    }
    return Optional.ofNullable(found);
  }
}
