package org.sanjeh.ingestion.channels;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * The JSON bodies of the form channels, bound to validated records. The controller reads the raw
 * bytes first (they go to the dead letters as received when a form is refused), then binds them
 * here; a refusal names every field that is wrong.
 */
final class ChannelForms {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final String IDENTIFIED = "email or phone is required to know who the customer is";

  private ChannelForms() {}

  /** A web form or portal submission. */
  record WebForm(
      @JsonProperty("submission_id") @NotBlank(message = "submission_id is required")
          String submissionId,
      @JsonProperty("submitted_at") @NotBlank(message = "submitted_at is required")
          String submittedAt,
      String email,
      String phone,
      String subject,
      @NotBlank(message = "message is required") String message,
      String language) {

    @AssertTrue(message = IDENTIFIED)
    boolean isIdentified() {
      return email != null || phone != null;
    }
  }

  /** A visit logged by staff; with {@code resolved_at} it also resolves the ticket. */
  record Visit(
      @JsonProperty("visit_id") @NotBlank(message = "visit_id is required") String visitId,
      @JsonProperty("visited_at") @NotBlank(message = "visited_at is required") String visitedAt,
      String email,
      String phone,
      @JsonProperty("staff_id") @NotBlank(message = "staff_id is required") String staffId,
      String notes,
      @JsonProperty("resolved_at") String resolvedAt,
      String language) {

    @AssertTrue(message = IDENTIFIED)
    boolean isIdentified() {
      return email != null || phone != null;
    }

    String notesOrEmpty() {
      return notes == null ? "" : notes;
    }
  }

  /**
   * The body bound to {@code type} and validated.
   *
   * @throws IOException for a body that is not JSON of that shape
   * @throws IllegalArgumentException naming each field that breaks the rules, in name order
   */
  static <T> T bind(byte[] body, Class<T> type, Validator validator) throws IOException {
    T form = JSON.readValue(body, type);
    if (form == null) {
      throw new IllegalArgumentException("the body is JSON null, not a form");
    }
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          violations.stream()
              .map(ConstraintViolation::getMessage)
              .sorted()
              .collect(Collectors.joining("; ")));
    }
    return form;
  }

  /** An ISO-8601 time with offset, as the forms send it. */
  static Instant time(String field, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field
              + "=\""
              + text
              + "\" is not an ISO-8601 time with offset, e.g. 2024-05-08T09:15:00+03:30",
          e);
    }
  }
}
