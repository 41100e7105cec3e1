package org.sanjeh.sentiment.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.TextScore;

/** Identical texts scored once within a JVM (a batch job's partition, one command run). */
public final class MemoryScoreCache implements ScoreCache {

  private final ConcurrentHashMap<String, TextScore> scores = new ConcurrentHashMap<>();

  @Override
  public Optional<TextScore> get(ModelId model, String cleanedText) {
    return Optional.ofNullable(scores.get(CacheKey.of(model, cleanedText)));
  }

  @Override
  public void put(ModelId model, String cleanedText, TextScore score) {
    scores.put(CacheKey.of(model, cleanedText), score);
  }

  /**
   * An answer known by its key alone (a previous run's row): the text behind it is not needed, and
   * a text whose key differs (another model version, another text) is scored afresh.
   */
  public void putKey(String key, TextScore score) {
    scores.put(key, score);
  }

  public int size() {
    return scores.size();
  }
}
