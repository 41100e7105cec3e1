package org.sanjeh.core.event;

import java.util.List;
import java.util.stream.Collectors;

/** An event payload that breaks the contract; the message lists every field error. */
public class InvalidEventException extends IllegalArgumentException {

  private final transient List<FieldError> errors;

  public InvalidEventException(List<FieldError> errors) {
    super(
        "invalid ticket event: "
            + errors.stream().map(FieldError::describe).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
