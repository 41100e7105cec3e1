package org.sanjeh.ingestion.channels;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.event.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused webhook call, as an RFC 9457 problem. */
final class ChannelProblem extends ErrorResponseException {

  private ChannelProblem(HttpStatus status, String type, String title, String detail) {
    super(status, problem(status, type, title, detail), null);
  }

  static ChannelProblem badSignature(String channel, String how) {
    return new ChannelProblem(
        HttpStatus.UNAUTHORIZED,
        "webhook-signature",
        "Webhook not authenticated",
        "The "
            + channel
            + " webhook's "
            + how
            + " does not match the configured secret; nothing was accepted.");
  }

  static ChannelProblem unreadable(String channel, String reason) {
    return new ChannelProblem(
        HttpStatus.BAD_REQUEST,
        "webhook-payload",
        "Unreadable " + channel + " payload",
        reason + " (kept in the dead-letter store)");
  }

  /**
   * A message the event contract refuses: 413 when its text is over the size limit, else 422. The
   * answer names each field and the rule, never the value: the caller is a channel's server, and
   * the message text is the customer's.
   */
  static ChannelProblem breaksContract(String channel, List<FieldError> errors) {
    boolean tooLarge =
        errors.stream()
            .anyMatch(e -> e.field().equals("body") && e.reason().contains("over the limit"));
    ChannelProblem problem =
        new ChannelProblem(
            tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
            tooLarge ? "too-large" : "invalid-event",
            tooLarge ? "Message too large" : "The message breaks the event contract",
            "The "
                + channel
                + " message was refused before it was sent on (kept in the dead-letter store): "
                + errors.stream().map(e -> e.field() + " " + e.reason()).toList()
                + " (see docs/event-contract.md).");
    problem
        .getBody()
        .setProperty(
            "errors",
            errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList());
    return problem;
  }

  static ChannelProblem tooLargeForKafka() {
    return new ChannelProblem(
        HttpStatus.CONTENT_TOO_LARGE,
        "too-large-for-kafka",
        "Message too large for the broker",
        "Kafka refuses a record this large (its max.request.size / message.max.bytes); sending it again will not help: lower sanjeh.intake.max-event-body-bytes or raise the broker's limit.");
  }

  static ChannelProblem publishRefused() {
    return new ChannelProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "publish-refused",
        "Kafka refused the message",
        "Kafka refused the message for a reason that retrying does not fix; the operator finds the cause in the intake's log and the broker's.");
  }

  static ChannelProblem kafkaUnavailable() {
    ChannelProblem problem =
        new ChannelProblem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "kafka-unavailable",
            "Not acknowledged",
            "Kafka did not acknowledge the message; the channel will deliver it again.");
    problem.getHeaders().set("Retry-After", "5");
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://sanjeh.org/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
