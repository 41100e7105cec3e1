package org.sanjeh.core.event;

/** A ticket's priority, lowest first. */
public enum Priority implements WireValue {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  @Override
  public String wire() {
    return WireValue.defaultWire(this);
  }
}
