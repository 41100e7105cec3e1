package org.sanjeh.core.event;

import java.util.List;
import java.util.stream.Collectors;

/** Either a valid event or the reasons it was refused; never both. */
public record DecodeResult(TicketEvent event, List<FieldError> errors) {

  public DecodeResult {
    errors = List.copyOf(errors);
    if ((event == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("a result holds an event or errors, not both or neither");
    }
  }

  static DecodeResult accepted(TicketEvent event) {
    return new DecodeResult(event, List.of());
  }

  static DecodeResult rejected(List<FieldError> errors) {
    return new DecodeResult(null, errors);
  }

  public boolean isValid() {
    return event != null;
  }

  /** All errors on one line, separated by "; ". Empty for a valid event. */
  public String describeErrors() {
    return errors.stream().map(FieldError::describe).collect(Collectors.joining("; "));
  }

  /** The event, or an {@link InvalidEventException} that lists every error. */
  public TicketEvent orThrow() {
    if (event == null) {
      throw new InvalidEventException(errors);
    }
    return event;
  }
}
