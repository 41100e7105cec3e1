package org.sanjeh.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SstReportTest {

  private static final double[] NEUTRAL = {0.1, 0.2, 0.4, 0.2, 0.1};
  private static final double[] LEANS_POSITIVE_BUT_NEUTRAL_WINS = {0.05, 0.1, 0.4, 0.3, 0.15};
  private static final double[] NEGATIVE = {0.5, 0.3, 0.1, 0.05, 0.05};

  private static SstSentence sentence(int gold, double[] goldTree, double[] parse) {
    return new SstSentence("text", gold, goldTree, parse, new SstSentence.PhraseCounts(4, 3, 2, 1));
  }

  private final SstReport report =
      new SstReport(
          List.of(
              sentence(3, LEANS_POSITIVE_BUT_NEUTRAL_WINS, NEUTRAL),
              sentence(0, NEGATIVE, NEGATIVE),
              sentence(2, NEUTRAL, NEUTRAL)));

  @Test
  void theScoreSignRuleCountsALeaningRootThatTheArgmaxRuleCallsNeutral() {
    assertThat(report.binary(true)).isEqualTo(1.0);
    assertThat(report.binaryByArgmax()).isEqualTo(0.5);
  }

  @Test
  void phraseFiguresPoolEveryTreesPhrases() {
    assertThat(report.fineGrainedPhrases()).isEqualTo(9 / 12.0);
    assertThat(report.binaryPhrases()).isEqualTo(3 / 6.0);
  }

  @Test
  void theGapLineSplitsTheParsersShareFromTheModels() {
    // 5-class: 2/3 right both ways; binary: 2/2 on the gold trees, 1/2 on the parses
    assertThat(report.gapExplanation())
        .contains("parses are 0.0 points (5-class) and 50.0 (binary) below the gold trees")
        .contains("the shipped model itself is %.1f and %.1f".formatted(45.7 - 200 / 3.0, -14.6));
  }
}
