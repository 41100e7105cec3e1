package org.sanjeh.batch.ml;

import java.io.Serializable;
import java.util.List;

/**
 * The columns a model learns from: numeric ones (imputed with the median, then scaled) and
 * categorical ones (indexed and one-hot encoded; unseen values get their own slot).
 */
public record FeatureSpec(List<String> numeric, List<String> categorical) implements Serializable {

  public FeatureSpec {
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
    if (numeric.isEmpty() && categorical.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one feature column");
    }
  }

  public int size() {
    return numeric.size() + categorical.size();
  }
}
