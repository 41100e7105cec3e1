package org.sanjeh.sentiment.persian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.sanjeh.sentiment.Label;

class PersianLexiconModelTest {

  private final PersianLexiconModel model = PersianLexiconModel.bundled();

  private double score(String text) {
    return model.score(text).score();
  }

  private Label label(String text) {
    return model.thresholds().label(score(text));
  }

  @Test
  void clearPraiseIsPositiveAndClearComplaintNegative() {
    assertThat(label("خیلی ممنون، پشتیبانی شما عالی بود")).isEqualTo(Label.POSITIVE);
    assertThat(label("گوشی خرابه و هیچ کس جواب نمیده")).isEqualTo(Label.NEGATIVE);
  }

  @Test
  void aPlainQuestionIsNeutral() {
    assertThat(label("ساعت کاری شعبه تهران چنده؟")).isEqualTo(Label.NEUTRAL);
    assertThat(score("ساعت کاری شعبه تهران چنده؟")).isZero();
  }

  @Test
  void aNegatedVerbAfterAPositiveWordFlipsIt() {
    assertThat(score("کیفیت خوب بود")).isPositive();
    assertThat(score("کیفیت خوب نبود")).isNegative();
    assertThat(label("اصلا راضی نیستم")).isEqualTo(Label.NEGATIVE);
  }

  @Test
  void aNegatingWordBeforeAProblemMakesItPositive() {
    assertThat(score("مشکل داشتم")).isNegative();
    assertThat(score("بدون مشکل انجام شد")).isPositive();
  }

  @Test
  void doubleNegationCountsOnceAsInPersian() {
    assertThat(score("هیچ مشکلی نبود")).isPositive();
  }

  @Test
  void negationDoesNotReachAcrossAClauseBreak() throws Exception {
    String lexicon = "polarity\tخوب\t0.5\nnegator-after\tنیست\nclause-break\tولی\n";
    PersianLexiconModel small =
        new PersianLexiconModel(
            PersianLexicon.read(new BufferedReader(new StringReader(lexicon)), "test.tsv"));
    assertThat(small.score("خوب نیست").score()).isNegative();
    assertThat(small.score("خوب ولی نیست").score()).isPositive();
    assertThat(small.score("خوب، نیست").score()).isPositive();
  }

  @Test
  void anIntensifierStrengthensTheNextWord() {
    assertThat(score("خیلی بد بود")).isLessThan(score("بد بود"));
  }

  @Test
  void yehAndKafVariantsAndMissingZwnjHitTheSameEntries() {
    double persianLetters = score("کارشناس خیلی مودب بود، ممنونم");
    double arabicLetters = score("كارشناس خيلي مودب بود، ممنونم");
    assertThat(persianLetters).isPositive().isEqualTo(arabicLetters);
    assertThat(score("کار نمی‌کنه")).isNegative().isEqualTo(score("کار نمی کنه"));
    assertThat(PersianTokens.of("مي‌شود")).containsExactly("مي", "شود");
    assertThat(PersianTokens.normalised("کیفیت")).isEqualTo(PersianTokens.normalised("كيفيت"));
  }

  @Test
  void aPhraseEndingInAPrefixCoversItsInflections() {
    assertThat(score("مشکل حل شد")).isPositive();
    assertThat(score("مشکل حل شده")).isPositive();
    assertThat(score("مشکل حل نشد")).isNegative();
  }

  @Test
  void aBadLexiconLineIsRefusedWithItsLineNumber() {
    String lexicon = "polarity\tخوب\t0.5\npolarity\tبد\ttwo\n";
    assertThatThrownBy(
            () -> PersianLexicon.read(new BufferedReader(new StringReader(lexicon)), "test.tsv"))
        .hasMessageContaining("test.tsv line 2")
        .hasMessageContaining("\"two\" is not a number");
  }
}
