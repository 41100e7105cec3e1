package org.sanjeh.sentiment;

import java.util.Optional;

/**
 * The answer for one message: its label, score in [-1, 1], detected language and the model that
 * answered. {@code model} is empty (and the label neutral, the score 0) when no model reads the
 * language: such text is reported, never guessed at.
 */
public record Sentiment(
    Label label, double score, String language, Optional<ModelId> model, TextScore detail) {

  public static Sentiment unscored(String language) {
    return new Sentiment(Label.NEUTRAL, 0, language, Optional.empty(), TextScore.EMPTY);
  }

  public static Sentiment of(SentimentModel model, String language, TextScore score) {
    return new Sentiment(
        model.thresholds().label(score.score()),
        score.score(),
        language,
        Optional.of(model.id()),
        score);
  }

  public boolean scored() {
    return model.isPresent();
  }
}
