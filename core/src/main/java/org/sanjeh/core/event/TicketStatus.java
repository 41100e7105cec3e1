package org.sanjeh.core.event;

/**
 * A ticket's lifecycle status. {@link #PENDING} and {@link #ON_HOLD} pause SLA clocks by default.
 */
public enum TicketStatus implements WireValue {
  NEW,
  OPEN,
  /** Waiting on the customer. */
  PENDING,
  /** Waiting on a third party. */
  ON_HOLD,
  SOLVED,
  CLOSED;

  @Override
  public String wire() {
    return WireValue.defaultWire(this);
  }
}
