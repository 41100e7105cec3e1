package org.sanjeh.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.sanjeh.sentiment.Label;
import org.sanjeh.sentiment.TextScore;

class CoreNlpEnglishModelTest {

  private final CoreNlpEnglishModel model = EnglishModels.standard();

  private Label label(String text) {
    return model.thresholds().label(model.score(text).score());
  }

  @Test
  void clearPraiseIsPositiveAndClearComplaintNegative() {
    assertThat(label("This is a wonderful, excellent service. I love it."))
        .isEqualTo(Label.POSITIVE);
    assertThat(label("This is a terrible, awful service. I hate it.")).isEqualTo(Label.NEGATIVE);
  }

  @Test
  void negationFlipsTheScore() {
    assertThat(model.score("The support was good.").score()).isPositive();
    assertThat(model.score("The support was not good.").score()).isNegative();
  }

  @Test
  void theScoreIsTheExpectationOverTheFiveClasses() {
    assertThat(CoreNlpEnglishModel.expectedScore(new double[] {0, 0, 0, 0, 1})).isEqualTo(1.0);
    assertThat(CoreNlpEnglishModel.expectedScore(new double[] {0.5, 0, 0, 0, 0.5})).isZero();
    assertThat(CoreNlpEnglishModel.expectedScore(new double[] {0, 1, 0, 0, 0})).isEqualTo(-0.5);
    TextScore score = model.score("It broke again. I am furious.");
    assertThat(score.score()).isBetween(-1.0, 1.0);
    assertThat(score.sentences()).hasSize(2);
  }

  @Test
  void aMessageScoreIsTheTokenWeightedMeanOfItsSentences() {
    TextScore score =
        model.score("Great. The delivery was three weeks late and the box was crushed.");
    double weighted =
        score.sentences().stream().mapToDouble(s -> s.score() * s.tokens()).sum() / score.tokens();
    assertThat(score.score()).isEqualTo(weighted, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theSentenceCapReadsOnlyTheFirstTokensAndSaysHowManyWereCut() {
    String longSentence = String.join(" ", Collections.nCopies(100, "error")) + " .";
    TextScore score = model.score(longSentence);
    assertThat(score.sentences()).hasSize(1);
    assertThat(score.sentences().get(0).tokens())
        .isEqualTo(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    assertThat(score.cutTokens()).isEqualTo(101 - CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    assertThat(model.score("Short and fine.").cutTokens()).isZero();
  }

  @Test
  void theModelIdNamesCoreNlpTheParserAndTheCap() {
    assertThat(model.id().name()).isEqualTo("corenlp-sentiment-sr");
    assertThat(model.id().version()).contains("4.5.10", "englishSR", "cap80");
    assertThat(CoreNlpEnglishModel.modelId(0)).isNotEqualTo(model.id());
  }
}
