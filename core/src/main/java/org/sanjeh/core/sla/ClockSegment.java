package org.sanjeh.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of one SLA clock's life between its start and its end: whether the time counted against
 * the target, and if not, why.
 *
 * @param from inclusive
 * @param to exclusive
 */
public record ClockSegment(Instant from, Instant to, Kind kind) {

  /** What the clock did during a segment. */
  public enum Kind {
    /** Running within business hours: the time counts against the target. */
    COUNTED,
    /** Running, but the calendar was closed (night, weekend, holiday): nothing counts. */
    OUTSIDE_HOURS,
    /** Stopped by a pausing status (pending, on hold, as the policy says). */
    PAUSED,
    /** Stopped while the ticket was solved; a reopen resumed the clock afterwards. */
    SOLVED
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
