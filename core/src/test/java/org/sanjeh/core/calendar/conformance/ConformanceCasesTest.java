package org.sanjeh.core.calendar.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What {@code calendar eval} prints about a calendar used past its holiday list. */
class ConformanceCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCaseOnTheIranPresetPastItsHolidayTableCarriesAWarning() throws Exception {
    JsonNode result =
        JSON.readTree(
            ConformanceCli.evaluateLine(
                "{\"id\":\"iran-2029\",\"kind\":\"between\",\"calendar\":\"iran\","
                    + "\"from\":\"2029-04-01T05:00:00Z\",\"to\":\"2029-04-02T05:00:00Z\"}",
                1));

    assertThat(result.path("result_seconds").isNumber()).isTrue();
    assertThat(result.path("warning").asText())
        .contains("the Iran preset")
        .contains("through 2028-03-19")
        .contains("used for 2029-04-01");
  }

  @Test
  void aCaseWithinTheHolidayTableHasNoWarning() throws Exception {
    // Nowruz 1405: Thu 19 March 2026 11:00 to Wed 25 March 09:00 Tehran (07:30 and 05:30 UTC).
    JsonNode result =
        JSON.readTree(
            ConformanceCli.evaluateLine(
                "{\"id\":\"nowruz-1405\",\"kind\":\"between\",\"calendar\":\"iran\","
                    + "\"from\":\"2026-03-19T07:30:00Z\",\"to\":\"2026-03-25T05:30:00Z\"}",
                1));

    assertThat(result.path("result_seconds").asLong()).isEqualTo(2 * 3600);
    assertThat(result.has("warning")).isFalse();
  }

  @Test
  void aCalendarObjectCanDeclareThroughWhenItsHolidaysAreComplete() throws Exception {
    JsonNode result =
        JSON.readTree(
            ConformanceCli.evaluateLine(
                "{\"id\":\"declared\",\"kind\":\"add\",\"calendar\":{\"timezone\":\"UTC\","
                    + "\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]]},\"holidays\":[\"2025-12-29\"],"
                    + "\"holidays_complete_through\":\"2025-12-31\"},"
                    + "\"start\":\"2025-12-22T16:00:00Z\",\"seconds\":7200}",
                1));

    // Mon 22 Dec 16:00 + 2 h: 1 h that day, Mon 29 Dec a holiday, 1 h on Mon 5 January 2026.
    assertThat(result.path("result").asText()).isEqualTo("2026-01-05T10:00:00Z");
    assertThat(result.path("warning").asText())
        .contains("through 2025-12-31")
        .contains("used for 2026-01-05");
  }
}
