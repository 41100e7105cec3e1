package org.sanjeh.ingestion.channels;

import java.net.URI;
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
