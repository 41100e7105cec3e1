package org.sanjeh.core.sla;

/** Where one target stands. */
public enum SlaStatus {
  /** The target has no clock yet (no customer contact), or the policy sets no target. */
  NOT_STARTED,
  RUNNING,
  PAUSED,
  /** Fulfilled on or before its deadline. */
  ACHIEVED,
  /** Fulfilled after its deadline, or still unfulfilled past it. */
  BREACHED,
  /** Stopped without fulfilment: the ticket was solved before it was needed. */
  CANCELLED
}
