package org.sanjeh.ingestion.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.sanjeh.core.event.FieldError;

/**
 * What became of the events of a request: the counts, and a result for every line that was not
 * accepted (rejected with its errors, or a duplicate); every other line was accepted.
 *
 * @param accepted events acknowledged by Kafka
 * @param rejected events refused (each is in the dead-letter store with its reason)
 * @param duplicates events whose id was already accepted (not sent again)
 */
public record IntakeReport(int accepted, int rejected, int duplicates, List<LineResult> results) {

  /** One line of the request. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record LineResult(int line, Status status, String eventId, List<FieldError> errors) {}

  public enum Status {
    ACCEPTED,
    REJECTED,
    DUPLICATE
  }
}
