package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTextsTest {

  private static final Instant RESOLVED = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void aSubjectInTheOtherDirectionIsIsolatedSoTheDateKeepsItsPlace() {
    assertThat(SurveyTexts.context("en", RESOLVED, "web_form", "سفارش نرسیده"))
        .isEqualTo("Your web form conversation of 1 Dec 2026: \u2068سفارش نرسیده\u2069");
  }

  @Test
  void thePersianLineHasAJalaliDateInPersianDigits() {
    assertThat(SurveyTexts.context("fa", RESOLVED, "email", ""))
        .isEqualTo("گفت‌وگوی شما با ایمیل در ۱۴۰۵/۰۹/۱۰");
  }
}
