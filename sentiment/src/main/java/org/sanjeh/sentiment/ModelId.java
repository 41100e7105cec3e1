package org.sanjeh.sentiment;

/**
 * Which model produced a score: its name and a version that changes whenever an answer could change
 * (model files, text cleaning, the sentence cap). Stored next to every result, and part of every
 * cache key, so a new version never reuses an old answer.
 */
public record ModelId(String name, String version) {

  public ModelId {
    if (name.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("a model needs a name and a version");
    }
  }

  /** {@code name@version}, as printed by {@code sentiment score}. */
  @Override
  public String toString() {
    return name + "@" + version;
  }
}
