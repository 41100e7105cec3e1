package org.sanjeh.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One target as of a moment.
 *
 * @param target the target duration, null when the policy sets none
 * @param dueAt the deadline: known while running, or once reached; null while paused before it
 * @param atRiskAt when the at-risk share is (or was) reached; null while paused before it
 * @param fulfilledAt when a human reply (or the resolution) fulfilled it, else null
 * @param elapsedBusiness business time counted while running
 * @param elapsedCalendar wall-clock time from the start to the fulfilment (or to the moment, or to
 *     the stop), pauses included: what a customer waited
 * @param paused wall-clock time spent paused (and solved, for a target a reopen resumed)
 * @param stopped stopped unfulfilled (set aside by a solve, or cancelled): no deadline is open
 */
public record TargetReport(
    SlaTarget which,
    SlaStatus status,
    Duration target,
    Instant startedAt,
    Instant dueAt,
    Instant atRiskAt,
    Instant fulfilledAt,
    Duration elapsedBusiness,
    Duration elapsedCalendar,
    Duration paused,
    boolean stopped,
    boolean atRisk) {

  /**
   * The measure the policy counts against the target: business time, or wall-clock time without the
   * pauses (a pause stops the clock in either measure).
   */
  public Duration measured(boolean businessTime) {
    return businessTime ? elapsedBusiness : elapsedCalendar.minus(paused);
  }
}
