package org.sanjeh.ingestion.intake;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the intake API refuses, as an RFC 9457 problem with a type, a title and the fix. */
final class IntakeProblem extends ErrorResponseException {

  private IntakeProblem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    super(status, problem(status, type, title, detail, properties), null);
  }

  static IntakeProblem unauthorized() {
    return new IntakeProblem(
        HttpStatus.UNAUTHORIZED,
        "api-key",
        "Missing or unknown API key",
        "Send the key of your source in the X-Api-Key header; ask the operator for one.",
        Map.of());
  }

  static IntakeProblem tooLarge(String detail) {
    return new IntakeProblem(
        HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", detail, Map.of());
  }

  static IntakeProblem invalidEvent(Object errors) {
    return new IntakeProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-event",
        "The event breaks the contract",
        "The event was stored in the dead-letter store with these errors; fix and send it again (see docs/event-contract.md).",
        Map.of("errors", errors));
  }

  static IntakeProblem publishRefused(String detail) {
    return new IntakeProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "publish-refused",
        "Events refused by Kafka",
        detail,
        Map.of());
  }

  static IntakeProblem kafkaUnavailable(String detail) {
    IntakeProblem problem =
        new IntakeProblem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "kafka-unavailable",
            "Events not acknowledged",
            detail,
            Map.of());
    problem.getHeaders().set("Retry-After", "5");
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://sanjeh.org/problems/" + type));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }
}
