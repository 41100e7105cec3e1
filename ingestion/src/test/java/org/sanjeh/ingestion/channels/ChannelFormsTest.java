package org.sanjeh.ingestion.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.channels.ChannelForms.Visit;
import org.sanjeh.ingestion.channels.ChannelForms.WebForm;

class ChannelFormsTest {

  private static jakarta.validation.ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void aWebFormIsBoundByItsSnakeCaseFieldsAndUnknownFieldsAreIgnored() throws IOException {
    WebForm form =
        bind(
            """
            {"submission_id": "s-1", "submitted_at": "2024-05-08T09:15:00+03:30",
             "email": "a@example.com", "subject": "Late", "message": "Where is it?",
             "language": "en", "utm_source": "mail"}
            """,
            WebForm.class);

    assertThat(form.submissionId()).isEqualTo("s-1");
    assertThat(form.email()).isEqualTo("a@example.com");
    assertThat(form.phone()).isNull();
    assertThat(form.message()).isEqualTo("Where is it?");
  }

  @Test
  void aFormMissingFieldsIsRefusedNamingEachOfThem() {
    assertThatThrownBy(() -> bind("{\"message\": \"  \"}", WebForm.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "email or phone is required to know who the customer is; message is required;"
                + " submission_id is required; submitted_at is required");
  }

  @Test
  void aVisitNeedsItsStaffAndTheCustomer() {
    assertThatThrownBy(
            () ->
                bind(
                    "{\"visit_id\": \"v\", \"visited_at\": \"2024-05-08T09:15:00Z\"}", Visit.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email or phone is required to know who the customer is; staff_id is required");
  }

  @Test
  void aVisitWithoutNotesHasEmptyNotes() throws IOException {
    Visit visit =
        bind(
            "{\"visit_id\": \"v\", \"visited_at\": \"2024-05-08T09:15:00Z\", \"phone\":"
                + " \"+989121234567\", \"staff_id\": \"s7\"}",
            Visit.class);

    assertThat(visit.notesOrEmpty()).isEmpty();
    assertThat(visit.resolvedAt()).isNull();
  }

  @Test
  void aBodyThatIsNotAnObjectIsNotAForm() {
    assertThatThrownBy(() -> bind("[1, 2]", WebForm.class)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> bind("null", WebForm.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void aTimeWithoutOffsetIsRefusedNamingTheFieldAndTheValue() {
    assertThatThrownBy(() -> ChannelForms.time("visited_at", "2024-05-08 09:15"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("visited_at=\"2024-05-08 09:15\" is not an ISO-8601 time");
    assertThat(ChannelForms.time("visited_at", "2024-05-08T09:15:00+03:30"))
        .isEqualTo(Instant.parse("2024-05-08T05:45:00Z"));
  }

  private static <T> T bind(String json, Class<T> type) throws IOException {
    return ChannelForms.bind(json.getBytes(StandardCharsets.UTF_8), type, validator);
  }
}
