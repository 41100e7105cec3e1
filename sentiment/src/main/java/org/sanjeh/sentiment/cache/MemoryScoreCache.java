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

  public int size() {
    return scores.size();
  }
}
