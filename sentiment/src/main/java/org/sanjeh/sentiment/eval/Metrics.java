package org.sanjeh.sentiment.eval;

import java.util.List;
import org.sanjeh.sentiment.Label;

/** Accuracy and macro-F1 over labelled predictions. */
public final class Metrics {

  private Metrics() {}

  public static double accuracy(List<Label> gold, List<Label> predicted) {
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (gold.get(i) == predicted.get(i)) {
        correct++;
      }
    }
    return gold.isEmpty() ? 0 : (double) correct / gold.size();
  }

  /** The unweighted mean of per-label F1 over the labels present in {@code gold}. */
  public static double macroF1(List<Label> gold, List<Label> predicted) {
    double sum = 0;
    int labels = 0;
    for (Label label : Label.values()) {
      if (!gold.contains(label)) {
        continue;
      }
      int truePositive = 0;
      int falsePositive = 0;
      int falseNegative = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean isGold = gold.get(i) == label;
        boolean isPredicted = predicted.get(i) == label;
        if (isGold && isPredicted) {
          truePositive++;
        } else if (isPredicted) {
          falsePositive++;
        } else if (isGold) {
          falseNegative++;
        }
      }
      double precision =
          truePositive + falsePositive == 0
              ? 0
              : (double) truePositive / (truePositive + falsePositive);
      double recall =
          truePositive + falseNegative == 0
              ? 0
              : (double) truePositive / (truePositive + falseNegative);
      sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      labels++;
    }
    return labels == 0 ? 0 : sum / labels;
  }

  /** SST's five classes collapsed: 0–1 negative, 2 neutral, 3–4 positive. */
  public static Label sstLabel(int sstClass) {
    if (sstClass < 2) {
      return Label.NEGATIVE;
    }
    return sstClass == 2 ? Label.NEUTRAL : Label.POSITIVE;
  }
}
