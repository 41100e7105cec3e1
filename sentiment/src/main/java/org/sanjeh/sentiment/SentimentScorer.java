package org.sanjeh.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanjeh.sentiment.cache.ScoreCache;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;
import org.sanjeh.sentiment.persian.PersianLexiconModel;
import org.sanjeh.sentiment.text.LanguageDetector;
import org.sanjeh.sentiment.text.TextCleaner;

/**
 * The one way in: cleans a message, detects its language, and asks that language's model, or a
 * cache of its earlier answers. English goes to CoreNLP, Persian to Sanjeh's lexicon; any other
 * language is reported unscored and never reaches the English model.
 */
public final class SentimentScorer {

  private final SentimentModel english;
  private final SentimentModel persian;
  private final ScoreCache cache;
  private final TextCleaner cleaner;
  private final LanguageDetector detector;
  private final boolean clean;

  public SentimentScorer(
      SentimentModel english, SentimentModel persian, ScoreCache cache, boolean clean) {
    this.english = english;
    this.persian = persian;
    this.cache = cache;
    this.cleaner = new TextCleaner();
    this.detector = new LanguageDetector();
    this.clean = clean;
  }

  /**
   * The production set-up: text cleaning on, CoreNLP with the default sentence cap loaded at the
   * first uncached English text, the bundled Persian lexicon.
   */
  public static SentimentScorer standard(ScoreCache cache) {
    return new SentimentScorer(SHARED_ENGLISH, SHARED_PERSIAN, cache, true);
  }

  /**
   * The JVM's one English model, loaded at its first uncached English text: a Spark executor builds
   * it once whatever the number of partitions it runs, and never receives it from the driver.
   */
  private static final LazyModel SHARED_ENGLISH =
      lazyEnglish(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);

  private static final SentimentModel SHARED_PERSIAN = PersianLexiconModel.bundled();

  public static LazyModel lazyEnglish(int sentenceCap) {
    return new LazyModel(
        CoreNlpEnglishModel.modelId(sentenceCap),
        CoreNlpEnglishModel.SST_DEV_THRESHOLDS,
        () -> new CoreNlpEnglishModel(sentenceCap));
  }

  public Sentiment score(String text) {
    String cleaned = clean ? cleaner.clean(text) : text.strip();
    String language = detector.detect(cleaned);
    Optional<SentimentModel> model = modelFor(language);
    if (model.isEmpty()) {
      return Sentiment.unscored(language);
    }
    SentimentModel chosen = model.get();
    Optional<TextScore> known = cache.get(chosen.id(), cleaned);
    TextScore score = known.orElseGet(() -> chosen.score(cleaned));
    if (known.isEmpty()) {
      cache.put(chosen.id(), cleaned, score);
    }
    return Sentiment.of(chosen, language, score, ScoreCache.key(chosen.id(), cleaned));
  }

  /** Scores each text, answers in input order. */
  public List<Sentiment> scoreAll(List<String> texts) {
    List<Sentiment> answers = new ArrayList<>(texts.size());
    for (String text : texts) {
      answers.add(score(text));
    }
    return answers;
  }

  /** The model that answers texts of {@code language}; empty when none reads it. */
  public Optional<SentimentModel> modelFor(String language) {
    return switch (language) {
      case LanguageDetector.ENGLISH -> Optional.of(english);
      case LanguageDetector.PERSIAN -> Optional.of(persian);
      default -> Optional.empty();
    };
  }

  public boolean englishLoaded() {
    return !(english instanceof LazyModel lazy) || lazy.isLoaded();
  }
}
