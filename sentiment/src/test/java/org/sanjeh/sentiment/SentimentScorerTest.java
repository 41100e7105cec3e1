package org.sanjeh.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.sentiment.cache.FileScoreCache;
import org.sanjeh.sentiment.cache.MemoryScoreCache;
import org.sanjeh.sentiment.cache.ScoreCache;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;
import org.sanjeh.sentiment.english.EnglishModels;
import org.sanjeh.sentiment.persian.PersianLexiconModel;

class SentimentScorerTest {

  private static final List<String> MIXED =
      List.of(
          "Thank you, the agent fixed it quickly.",
          "سفارشم هنوز نرسیده و کسی جواب نمیده",
          "The app keeps crashing. This is awful.",
          "Thank you, the agent fixed it quickly.",
          "شكرا جزيلا",
          "");

  private static SentimentScorer scorer(ScoreCache cache) {
    return new SentimentScorer(
        EnglishModels.standard(), PersianLexiconModel.bundled(), cache, true);
  }

  @Test
  void persianOnlyInputNeverLoadsTheEnglishModel() {
    LazyModel english = SentimentScorer.lazyEnglish(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    SentimentScorer scorer =
        new SentimentScorer(english, PersianLexiconModel.bundled(), ScoreCache.NONE, true);
    Sentiment answer = scorer.score("خیلی ممنون، عالی بود");
    assertThat(answer.language()).isEqualTo("fa");
    assertThat(answer.model()).contains(PersianLexiconModel.bundled().id());
    assertThat(english.isLoaded()).isFalse();
  }

  @Test
  void arabicIsReportedUnscoredAndNeverReachesTheEnglishModel() {
    LazyModel english = SentimentScorer.lazyEnglish(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    SentimentScorer scorer =
        new SentimentScorer(english, PersianLexiconModel.bundled(), ScoreCache.NONE, true);
    Sentiment answer = scorer.score("شكرا جزيلا على المساعدة");
    assertThat(answer.language()).isEqualTo("ar");
    assertThat(answer.scored()).isFalse();
    assertThat(english.isLoaded()).isFalse();
  }

  @Test
  void cachedAnswersEqualUncachedOnesExactly() {
    List<Sentiment> uncached = scorer(ScoreCache.NONE).scoreAll(MIXED);
    MemoryScoreCache memory = new MemoryScoreCache();
    scorer(memory).scoreAll(MIXED);
    List<Sentiment> cached = scorer(memory).scoreAll(MIXED);
    assertThat(cached).isEqualTo(uncached);
    assertThat(memory.size()).isEqualTo(3);
  }

  @Test
  void answersFromTheCacheFileEqualComputedOnesAndNeedNoModel(@TempDir Path folder) {
    List<Sentiment> computed;
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      computed = scorer(cache).scoreAll(MIXED);
    }
    LazyModel english = SentimentScorer.lazyEnglish(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    try (FileScoreCache cache = FileScoreCache.open(folder)) {
      List<Sentiment> reread =
          new SentimentScorer(english, PersianLexiconModel.bundled(), cache, true).scoreAll(MIXED);
      assertThat(reread).isEqualTo(computed);
    }
    assertThat(english.isLoaded()).isFalse();
  }

  @Test
  void answersKeepTheInputOrder() {
    List<Sentiment> answers = scorer(ScoreCache.NONE).scoreAll(MIXED);
    assertThat(answers)
        .extracting(Sentiment::language)
        .containsExactly("en", "fa", "en", "en", "ar", "und");
    assertThat(answers.get(0)).isEqualTo(answers.get(3));
    assertThat(answers.get(2).label()).isEqualTo(Label.NEGATIVE);
  }
}
