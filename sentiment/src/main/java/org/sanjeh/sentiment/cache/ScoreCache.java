package org.sanjeh.sentiment.cache;

import java.util.Optional;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.TextScore;

/**
 * Answers already computed, keyed by the model (name and version) and the cleaned text: a text is
 * scored once per model version, and a new version never sees an old answer.
 */
public interface ScoreCache {

  Optional<TextScore> get(ModelId model, String cleanedText);

  void put(ModelId model, String cleanedText, TextScore score);

  /** The key of an answer: SHA-256 (hex) of the model id and the cleaned text. */
  static String key(ModelId model, String cleanedText) {
    return CacheKey.of(model, cleanedText);
  }

  /** A cache that keeps nothing: the plain path, for baselines. */
  ScoreCache NONE =
      new ScoreCache() {
        @Override
        public Optional<TextScore> get(ModelId model, String cleanedText) {
          return Optional.empty();
        }

        @Override
        public void put(ModelId model, String cleanedText, TextScore score) {}
      };
}
