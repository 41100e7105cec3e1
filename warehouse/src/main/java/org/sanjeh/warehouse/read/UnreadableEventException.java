package org.sanjeh.warehouse.read;

/**
 * A stored event holds a value this version of Sanjeh does not know (e.g. a newer release's event
 * type, or a row written by hand): says which event, column and value, and what to do.
 */
public final class UnreadableEventException extends RuntimeException {

  UnreadableEventException(String eventId, String column, String value) {
    super(
        "stored event '%s' has %s '%s', which this version of Sanjeh does not know: upgrade Sanjeh, or correct the row in ticket_events"
            .formatted(eventId, column, value));
  }
}
