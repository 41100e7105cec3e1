package org.sanjeh.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FirstAnswersTest {

  private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void keepsTheEarliestFirstAnswerOfAnInvitation() {
    FirstAnswers answers = new FirstAnswers(Duration.ofDays(14), 10, clock);

    answers.remember("a", NOW.minusSeconds(60));
    answers.remember("a", NOW.minusSeconds(3600));
    answers.remember("a", NOW);

    assertThat(answers.firstAnswer("a")).contains(NOW.minusSeconds(3600));
  }

  @Test
  void forgetsAnswersWhoseLinksHaveExpired() {
    FirstAnswers answers = new FirstAnswers(Duration.ofDays(14), 10, clock);

    answers.remember("expired", NOW.minus(Duration.ofDays(15)));
    answers.remember("recent", NOW.minus(Duration.ofDays(2)));

    assertThat(answers.firstAnswer("expired")).isEmpty();
    assertThat(answers.size()).isEqualTo(1);
  }

  @Test
  void isBoundedAndStopsClaimingAnInvitationWasNeverAnsweredOnceItForgotOne() {
    FirstAnswers answers = new FirstAnswers(Duration.ofDays(14), 3, clock);
    answers.markComplete();
    assertThat(answers.neverAnswered("x")).isTrue();

    for (int i = 0; i < 5; i++) {
      answers.remember("inv-" + i, NOW.minusSeconds(100 - i));
    }

    assertThat(answers.size()).isEqualTo(3);
    assertThat(answers.firstAnswer("inv-0")).isEmpty();
    assertThat(answers.firstAnswer("inv-4")).isPresent();
    assertThat(answers.neverAnswered("inv-0")).as("forgotten, so ClickHouse is asked").isFalse();
  }

  @Test
  void claimsNothingBeforeTheHistoryIsLoaded() {
    FirstAnswers answers = new FirstAnswers(Duration.ofDays(14), 3, clock);

    assertThat(answers.neverAnswered("x")).isFalse();
  }
}
