package org.sanjeh.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run of one SLA clock, from its start to its end (or to the moment asked about), as {@link
 * SlaClock} computed it. First response and resolution run once per ticket; next response runs once
 * per cycle (each customer message waiting for a reply), so a ticket can have several.
 *
 * @param cycle 1 for the first run of this target, 2 for the next, ...
 * @param status the engine's status: what {@code sla_tickets} reports for the latest run
 * @param target the target duration; null when the policy sets none for this ticket
 * @param dueAt where the deadline fell (or falls); for a target met, where it would have fallen had
 *     the clock run on from the fulfilment; null while paused before it, without a target, or once
 *     a solve set the clock aside
 * @param fulfilledAt the reply (or solve) that fulfilled it; null while unfulfilled
 * @param counted business time counted (the sum of the {@link ClockSegment.Kind#COUNTED} segments)
 * @param measured what the policy compares with the target (business time, or wall-clock time less
 *     the pauses)
 * @param segments the clock's life, in order, without gaps from start to end
 * @param restarted the run was abandoned and the clock started again (a bot took the ticket under a
 *     hand-off policy); its status is then cancelled
 */
public record TargetRun(
    SlaTarget which,
    int cycle,
    SlaStatus status,
    Duration target,
    Instant startedAt,
    Instant dueAt,
    Instant fulfilledAt,
    Duration counted,
    Duration measured,
    List<ClockSegment> segments,
    boolean restarted) {

  public TargetRun {
    segments = List.copyOf(segments);
  }

  /**
   * Wall-clock time from the end (the fulfilment, else {@code asOf}) to the deadline: positive is
   * time to spare, negative is how late. Empty without a deadline.
   */
  public java.util.Optional<Duration> margin(Instant asOf) {
    if (dueAt == null) {
      return java.util.Optional.empty();
    }
    Instant end = fulfilledAt != null ? fulfilledAt : asOf;
    return java.util.Optional.of(Duration.between(end, dueAt));
  }

  /** Target minus what was measured: the business time to spare (negative: used beyond it). */
  public java.util.Optional<Duration> measuredMargin() {
    return target == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(target.minus(measured));
  }

  /** Why it was met or missed, in one sentence (English; the viewer may word its own). */
  public String reason(Instant asOf) {
    if (target == null) {
      return "no target: the policy sets none for this ticket";
    }
    if (restarted) {
      return "restarted: the clock began again (a bot took over the ticket)";
    }
    Duration measuredMargin = target.minus(measured);
    return switch (status) {
      case ACHIEVED ->
          dueAt == null
              ? "met: fulfilled at %s with %s of %s used"
                  .formatted(fulfilledAt, words(measured), words(target))
              : "met: fulfilled at %s, %s before the deadline at %s (%s of %s used)"
                  .formatted(
                      fulfilledAt,
                      words(Duration.between(fulfilledAt, dueAt)),
                      dueAt,
                      words(measured),
                      words(target));
      case BREACHED ->
          dueAt == null
              ? "missed: the deadline passed before the ticket was solved"
              : fulfilledAt != null
                  ? "missed: fulfilled at %s, %s after the deadline at %s"
                      .formatted(fulfilledAt, words(Duration.between(dueAt, fulfilledAt)), dueAt)
                  : "missed: still unfulfilled %s after the deadline at %s"
                      .formatted(words(Duration.between(dueAt, asOf)), dueAt);
      case RUNNING ->
          "running: %s of %s left, due at %s"
              .formatted(words(measuredMargin), words(target), dueAt);
      case PAUSED -> "paused with %s of %s left".formatted(words(measuredMargin), words(target));
      case CANCELLED -> "set aside: the ticket was solved (or merged) before the target was due";
      case NOT_STARTED -> "not started";
    };
  }

  private static String words(Duration d) {
    long s = Math.abs(d.toSeconds());
    String sign = d.isNegative() ? "-" : "";
    return s % 60 == 0
        ? "%s%dh%02dm".formatted(sign, s / 3600, s % 3600 / 60)
        : "%s%dh%02dm%02ds".formatted(sign, s / 3600, s % 3600 / 60, s % 60);
  }
}
