package org.sanjeh.core.sla;

/** The three targets an SLA policy can set. */
public enum SlaTarget {
  /**
   * From the customer's first contact (or a reopen, or a bot hand-off) to the first human reply.
   */
  FIRST_RESPONSE,
  /** From the oldest unanswered customer message to the next human reply. */
  NEXT_RESPONSE,
  /** From the ticket's creation to its resolution, not counting paused or solved time. */
  RESOLUTION
}
