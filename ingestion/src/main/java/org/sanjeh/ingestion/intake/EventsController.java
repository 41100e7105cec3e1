package org.sanjeh.ingestion.intake;

import io.micrometer.core.annotation.Timed;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: one event as {@code application/json}, or a batch as {@code
 * application/x-ndjson}. Answers 202 once Kafka has acknowledged every event of the request, with a
 * result per line; 422 for a single event that breaks the contract; 503 if Kafka does not
 * acknowledge in time (retry: event ids make it safe).
 */
@RestController
@RequestMapping("/v1/events")
class EventsController {

  static final String NDJSON = "application/x-ndjson";

  private final EventIntake intake;
  private final IntakeProperties properties;

  EventsController(EventIntake intake, IntakeProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  @Timed("sanjeh.intake.request")
  @PostMapping(
      consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IntakeReport> post(
      HttpServletRequest request, @RequestAttribute(ApiKeyInterceptor.SOURCE) String source)
      throws IOException {
    boolean batch =
        MediaType.parseMediaType(request.getContentType())
            .isCompatibleWith(MediaType.parseMediaType(NDJSON));
    IntakeReport report = intake.accept(body(request), batch, source);
    if (!batch && report.rejected() == 1) {
      throw IntakeProblem.invalidEvent(report.results().get(0).errors());
    }
    IntakeReport shown =
        batch ? report : new IntakeReport(report.accepted(), 0, report.duplicates(), List.of());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(shown);
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > properties.maxRequestBytes()) {
      throw tooLarge(declared);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(properties.maxRequestBytes() + 1);
      if (body.length > properties.maxRequestBytes()) {
        throw tooLarge(body.length);
      }
      return body;
    }
  }

  private IntakeProblem tooLarge(long bytes) {
    return IntakeProblem.tooLarge(
        "the request body is %s bytes, over the limit of %d: send smaller batches"
            .formatted(
                bytes > properties.maxRequestBytes()
                    ? "more than " + properties.maxRequestBytes()
                    : bytes,
                properties.maxRequestBytes()));
  }
}
