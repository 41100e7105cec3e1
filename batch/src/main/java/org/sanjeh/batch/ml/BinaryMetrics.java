package org.sanjeh.batch.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well probabilities rank and fit binary outcomes, from scored rows never used in training: ROC
 * AUC (ties share their rank), PR AUC (average precision), the curves, a calibration table and lift
 * by decile. Plain Java, so the report's numbers are testable without Spark.
 */
public final class BinaryMetrics {

  public record Point(double x, double y) {}

  /** A probability bin: how many rows, the mean predicted and the observed positive rate. */
  public record CalibrationBin(
      double from, double to, long count, double meanPredicted, double observed) {}

  /** Decile 1 holds the highest tenth of scores; lift = its positive rate ÷ the base rate. */
  public record Decile(int decile, long count, double positiveRate, double lift) {}

  private final double[] scores;
  private final int[] labels;
  private final long positives;

  public BinaryMetrics(double[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("scores and labels differ in length");
    }
    this.scores = scores;
    this.labels = labels;
    this.positives = Arrays.stream(labels).filter(l -> l == 1).count();
  }

  public int count() {
    return scores.length;
  }

  public double baseRate() {
    return scores.length == 0 ? Double.NaN : (double) positives / scores.length;
  }

  /** The Mann–Whitney statistic: the chance a random positive outscores a random negative. */
  public double rocAuc() {
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    Integer[] order = ascending();
    double rankSumPositives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          rankSumPositives += averageRank;
        }
      }
      i = j + 1;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / ((double) positives * negatives);
  }

  /** Average precision: the mean of the precision at each positive, in descending score order. */
  public double prAuc() {
    if (positives == 0) {
      return Double.NaN;
    }
    Integer[] order = descending();
    double sum = 0;
    long truePositives = 0;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        truePositives++;
        sum += (double) truePositives / (k + 1);
      }
    }
    return sum / positives;
  }

  /** False positive rate → true positive rate, at most {@code points} + 1 points. */
  public List<Point> rocCurve(int points) {
    Integer[] order = descending();
    long negatives = scores.length - positives;
    List<Point> curve = new ArrayList<>();
    curve.add(new Point(0, 0));
    long tp = 0;
    long fp = 0;
    int step = Math.max(1, order.length / points);
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      } else {
        fp++;
      }
      if ((k + 1) % step == 0 || k == order.length - 1) {
        curve.add(new Point(ratio(fp, negatives), ratio(tp, positives)));
      }
    }
    return curve;
  }

  /** Recall → precision. */
  public List<Point> prCurve(int points) {
    Integer[] order = descending();
    List<Point> curve = new ArrayList<>();
    long tp = 0;
    int step = Math.max(1, order.length / points);
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      }
      if ((k + 1) % step == 0 || k == order.length - 1) {
        curve.add(new Point(ratio(tp, positives), (double) tp / (k + 1)));
      }
    }
    return curve;
  }

  /** Ten equal-width probability bins; empty bins are left out. */
  public List<CalibrationBin> calibration() {
    long[] counts = new long[10];
    double[] predicted = new double[10];
    long[] observed = new long[10];
    for (int k = 0; k < scores.length; k++) {
      int bin = Math.min(9, Math.max(0, (int) (scores[k] * 10)));
      counts[bin]++;
      predicted[bin] += scores[k];
      observed[bin] += labels[k];
    }
    List<CalibrationBin> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (counts[b] > 0) {
        bins.add(
            new CalibrationBin(
                b / 10.0,
                (b + 1) / 10.0,
                counts[b],
                predicted[b] / counts[b],
                (double) observed[b] / counts[b]));
      }
    }
    return bins;
  }

  /** Ten groups of (nearly) equal size by descending score. */
  public List<Decile> liftByDecile() {
    Integer[] order = descending();
    List<Decile> deciles = new ArrayList<>();
    double base = baseRate();
    for (int d = 0; d < 10; d++) {
      int from = (int) ((long) order.length * d / 10);
      int to = (int) ((long) order.length * (d + 1) / 10);
      long hits = 0;
      for (int k = from; k < to; k++) {
        hits += labels[order[k]];
      }
      double rate = to > from ? (double) hits / (to - from) : Double.NaN;
      deciles.add(new Decile(d + 1, to - from, rate, base > 0 ? rate / base : Double.NaN));
    }
    return deciles;
  }

  /** The score at which the top {@code share} of rows begins (e.g. 0.1: the top decile). */
  public double scoreAtTopShare(double share) {
    Integer[] order = descending();
    if (order.length == 0) {
      return 1;
    }
    int index = Math.min(order.length - 1, Math.max(0, (int) Math.ceil(order.length * share) - 1));
    return scores[order[index]];
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private Integer[] ascending() {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }

  private Integer[] descending() {
    Integer[] order = ascending();
    for (int i = 0, j = order.length - 1; i < j; i++, j--) {
      Integer t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
