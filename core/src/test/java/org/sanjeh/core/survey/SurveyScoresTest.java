package org.sanjeh.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value below was computed by hand (the arithmetic is in the comments). */
class SurveyScoresTest {

  @Test
  void csatIsTheShareOfFoursAndFivesWithAWilsonInterval() {
    // 8 of 10 satisfied: p = 0.8, z² = 3.8415, denominator = 1.38415,
    // centre = (0.8 + 0.19207) / 1.38415 = 0.71683, half = 1.96 × √(0.016 + 0.0096037) / 1.38415 =
    // 0.22658.
    Score score = SurveyScores.csat(List.of(5, 5, 4, 4, 4, 5, 4, 5, 2, 1), 40);

    assertThat(score.value()).isEqualTo(0.8);
    assertThat(score.low()).isCloseTo(0.4902, within(1e-4));
    assertThat(score.high()).isCloseTo(0.9433, within(1e-4));
    assertThat(score.answered()).isEqualTo(10);
    assertThat(score.responseRate()).isEqualTo(0.25);
    assertThat(score.smallSample()).isTrue();
  }

  @Test
  void csatWhenEveryoneIsSatisfiedKeepsAnIntervalBelowOne() {
    // 5 of 5: centre = (1 + 0.38415) / 1.76829 = 0.78276, half = 1.96 × √(0.038415) / 1.76829 =
    // 0.21724.
    Score score = SurveyScores.csat(5, 5, 0);

    assertThat(score.value()).isEqualTo(1.0);
    assertThat(score.low()).isCloseTo(0.5655, within(1e-4));
    assertThat(score.high()).isEqualTo(1.0);
    assertThat(score.responseRate()).isNaN();
  }

  @Test
  void npsIsPromotersMinusDetractorsWithTheVarianceBasedInterval() {
    // 5 promoters, 3 passives, 2 detractors: NPS = 100 × (0.5 − 0.2) = 30;
    // variance = 0.5 + 0.2 − 0.3² = 0.61; half = 100 × 1.96 × √(0.061) = 48.41.
    Score score = SurveyScores.nps(List.of(10, 9, 9, 10, 9, 7, 8, 7, 3, 6), 20);

    assertThat(score.value()).isCloseTo(30, within(1e-9));
    assertThat(score.low()).isCloseTo(-18.41, within(0.01));
    assertThat(score.high()).isCloseTo(78.41, within(0.01));
  }

  @Test
  void npsEdgeCases() {
    Score none = SurveyScores.nps(List.of(), 10);
    Score allPromoters = SurveyScores.nps(40, 0, 0, 0);
    Score one = SurveyScores.nps(List.of(3), 0);

    assertThat(none.hasValue()).isFalse();
    assertThat(none.value()).isNaN();
    assertThat(none.responseRate()).isZero();
    assertThat(allPromoters.value()).isEqualTo(100);
    assertThat(allPromoters.low()).as("no spread: the interval collapses").isEqualTo(100);
    assertThat(one.value()).isEqualTo(-100);
    assertThat(one.smallSample()).isTrue();
  }

  @Test
  void cesIsTheMeanWithAStudentTIntervalAndTheShareAgreeing() {
    // 2, 4, 5, 6, 7: mean 4.8, s² = (4+16+25+36+49 − 5 × 23.04) / 4 = 3.7, s/√5 = 0.86023,
    // t(0.975, 4) = 2.776445, half = 2.38838.
    Score score = SurveyScores.ces(List.of(2, 4, 5, 6, 7), 5);

    assertThat(score.value()).isCloseTo(4.8, within(1e-9));
    assertThat(score.low()).isCloseTo(2.4116, within(1e-4));
    assertThat(score.high()).as("clamped to the scale").isCloseTo(7.0, within(1e-9));
    assertThat(score.agreeing()).isCloseTo(0.6, within(1e-9));
    assertThat(score.responseRate()).isEqualTo(1.0);
  }

  @Test
  void cesWithOneAnswerHasTheWholeScaleAsItsInterval() {
    Score one = SurveyScores.ces(List.of(6), 0);

    assertThat(one.value()).isEqualTo(6);
    assertThat(one.low()).isEqualTo(1);
    assertThat(one.high()).isEqualTo(7);
  }

  @Test
  void tQuantilesMeetTheNormalOneForLargeSamples() {
    assertThat(SurveyScores.tQuantile95(4)).isCloseTo(2.776445, within(1e-6));
    assertThat(SurveyScores.tQuantile95(40)).isCloseTo(2.021075, within(1e-4));
    assertThat(SurveyScores.tQuantile95(120)).isCloseTo(1.979930, within(1e-4));
    assertThat(SurveyScores.tQuantile95(1_000_000)).isCloseTo(SurveyScores.Z_95, within(1e-5));
  }

  @Test
  void scoresOutsideTheScaleAndImpossibleCountsAreRefused() {
    assertThatThrownBy(() -> SurveyScores.csat(List.of(6), 0))
        .hasMessage("CSAT scores go from 1 to 5, got 6");
    assertThatThrownBy(() -> SurveyScores.nps(List.of(11), 0))
        .hasMessage("NPS scores go from 0 to 10, got 11");
    assertThatThrownBy(() -> SurveyScores.ces(Collections.nCopies(3, 0), 0))
        .hasMessage("CES scores go from 1 to 7, got 0");
    assertThatThrownBy(() -> SurveyScores.csat(3, 4, 2))
        .hasMessageContaining("more answers (4) than invitations (2)");
  }
}
