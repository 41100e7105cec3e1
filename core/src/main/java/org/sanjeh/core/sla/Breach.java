package org.sanjeh.core.sla;

/**
 * The one breach rule, used by the ticket rows, the alerts and the minute aggregates alike: a
 * target is breached when it is fulfilled after its deadline instant, or still unfulfilled at a
 * moment after it. A reply at the very deadline meets it. The deadline is an instant, not an amount
 * of business time: a target that runs out at the 16:00 closing is breached by a reply at 17:30,
 * although no business time passed between the two.
 */
public final class Breach {

  private Breach() {}

  /**
   * @param dueAt the deadline instant, epoch ms; negative when unknown (paused before it)
   * @param fulfilledAt when the target was fulfilled, epoch ms; negative while unfulfilled
   * @param asOf the moment asked about (for an unfulfilled target: the watermark, or an event)
   */
  public static boolean breached(long dueAt, long fulfilledAt, long asOf) {
    if (dueAt < 0) {
      return false;
    }
    return fulfilledAt >= 0 ? fulfilledAt > dueAt : asOf > dueAt;
  }
}
