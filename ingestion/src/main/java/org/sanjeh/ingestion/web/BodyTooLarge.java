package org.sanjeh.ingestion.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body over its limit, as an RFC 9457 problem (413). Unchecked on purpose: it passes
 * through the handlers' {@code catch (IOException …)} that dead-letter unreadable payloads, so an
 * oversized body is refused, never stored.
 */
public final class BodyTooLarge extends ErrorResponseException {

  public BodyTooLarge(String detail) {
    super(HttpStatus.CONTENT_TOO_LARGE, problem(detail), null);
  }

  static BodyTooLarge over(long limit, String path) {
    return new BodyTooLarge(
        "the request body to %s is more than %d bytes, its limit; nothing was read further or accepted: send less at once"
            .formatted(path, limit));
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
    problem.setType(URI.create("https://sanjeh.org/problems/too-large"));
    problem.setTitle("Request too large");
    return problem;
  }
}
