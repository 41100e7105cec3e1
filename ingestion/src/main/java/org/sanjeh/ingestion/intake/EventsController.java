package org.sanjeh.ingestion.intake;

import io.micrometer.core.annotation.Timed;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.sanjeh.web.ApiKeyInterceptor;
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
    IntakeReport report = intake.accept(body(request, batch), batch, source);
    if (!batch && report.rejected() == 1) {
      throw IntakeProblem.invalidEvent(report.results().get(0).errors());
    }
    IntakeReport shown =
        batch ? report : new IntakeReport(report.accepted(), 0, report.duplicates(), List.of());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(shown);
  }

  /**
   * The body, read through the size cap of {@code BodyLimitFilter}. A batch is refused as soon as
   * it holds more events than {@code max-batch-lines}, before any line is decoded: a body of
   * millions of tiny lines costs one pass over its bytes, not an error object per line.
   */
  private byte[] body(HttpServletRequest request, boolean batch) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return batch ? readBatch(in, properties.maxBatchLines()) : in.readAllBytes();
    }
  }

  static byte[] readBatch(InputStream in, int maxLines) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    byte[] buffer = new byte[64 * 1024];
    int lines = 0;
    boolean inLine = false;
    for (int n; (n = in.read(buffer)) > 0; ) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          inLine = false;
        } else if (!inLine && b != ' ' && b != '\t' && b != '\r') {
          inLine = true; // blank lines are skipped by the decoder, so they are not counted
          if (++lines > maxLines) {
            throw IntakeProblem.tooLarge(
                "the batch has more than %d events, the limit (sanjeh.intake.max-batch-lines); nothing in it was accepted: split it into smaller batches"
                    .formatted(maxLines));
          }
        }
      }
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }
}
