package org.sanjeh.core.event;

/** What happened to a ticket. */
public enum EventType implements WireValue {
  TICKET_CREATED,
  CUSTOMER_MESSAGE,
  /** A public reply. A human agent's reply if the author role is agent; an auto-reply if system. */
  AGENT_REPLY,
  /** Visible to the team only; never counts as a response. */
  INTERNAL_NOTE,
  BOT_MESSAGE,
  /** The ticket's status changed; the event's {@code status} is the new status. */
  STATUS_CHANGED,
  ASSIGNED,
  PRIORITY_CHANGED,
  TAGS_CHANGED,
  RESOLVED,
  REOPENED,
  CLOSED,
  /** This ticket was merged into {@code merged_into}: its clocks stop, the other ticket goes on. */
  MERGED,
  /** The ticket was deleted (spam, an erasure request): it leaves every metric. */
  DELETED;

  @Override
  public String wire() {
    return WireValue.defaultWire(this);
  }

  /** Events that carry a message text (subject/body) into the message table. */
  public boolean carriesMessage() {
    return switch (this) {
      case TICKET_CREATED, CUSTOMER_MESSAGE, AGENT_REPLY, INTERNAL_NOTE, BOT_MESSAGE -> true;
      default -> false;
    };
  }
}
