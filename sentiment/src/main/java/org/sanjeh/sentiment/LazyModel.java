package org.sanjeh.sentiment;

import java.util.function.Supplier;

/**
 * A model whose id and thresholds are known up front and whose files are loaded at the first score:
 * cached answers and Persian-only input never pay for loading CoreNLP.
 */
public final class LazyModel implements SentimentModel {

  private final ModelId id;
  private final Thresholds thresholds;
  private final Supplier<? extends SentimentModel> loader;
  private volatile SentimentModel loaded;

  public LazyModel(ModelId id, Thresholds thresholds, Supplier<? extends SentimentModel> loader) {
    this.id = id;
    this.thresholds = thresholds;
    this.loader = loader;
  }

  @Override
  public ModelId id() {
    return id;
  }

  @Override
  public Thresholds thresholds() {
    return thresholds;
  }

  @Override
  public TextScore score(String cleanedText) {
    return model().score(cleanedText);
  }

  public boolean isLoaded() {
    return loaded != null;
  }

  private SentimentModel model() {
    SentimentModel model = loaded;
    if (model == null) {
      synchronized (this) {
        if (loaded == null) {
          SentimentModel built = loader.get();
          if (!built.id().equals(id)) {
            throw new IllegalStateException(
                "model loaded as %s but announced as %s".formatted(built.id(), id));
          }
          loaded = built;
        }
        model = loaded;
      }
    }
    return model;
  }
}
