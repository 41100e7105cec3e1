package org.sanjeh.core.event;

/** Who caused the event. Only an {@link #AGENT} writes replies that count as responses. */
public enum AuthorRole implements WireValue {
  CUSTOMER,
  AGENT,
  BOT,
  /** Automations, triggers, auto-replies, imports. */
  SYSTEM;

  @Override
  public String wire() {
    return WireValue.defaultWire(this);
  }
}
