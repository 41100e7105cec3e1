package org.sanjeh.sentiment;

import java.util.Optional;
import org.sanjeh.sentiment.cache.ScoreCache;

/**
 * The answer for one message: its label, score in [-1, 1], detected language, the model that
 * answered and the key its answer is cached under. {@code model} is empty (and the label neutral,
 * the score 0) when no model reads the language: such text is reported, never guessed at.
 */
public record Sentiment(
    Label label,
    double score,
    String language,
    Optional<ModelId> model,
    TextScore detail,
    String scoreKey) {

  public static Sentiment unscored(String language) {
    return new Sentiment(Label.NEUTRAL, 0, language, Optional.empty(), TextScore.EMPTY, "");
  }

  /** {@code scoreKey}: the cache key of model and cleaned text ({@link ScoreCache#key}). */
  public static Sentiment of(
      SentimentModel model, String language, TextScore score, String scoreKey) {
    return new Sentiment(
        model.thresholds().label(score.score()),
        score.score(),
        language,
        Optional.of(model.id()),
        score,
        scoreKey);
  }

  public boolean scored() {
    return model.isPresent();
  }
}
