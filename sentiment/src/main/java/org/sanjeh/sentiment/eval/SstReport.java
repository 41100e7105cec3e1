package org.sanjeh.sentiment.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.sanjeh.sentiment.Label;
import org.sanjeh.sentiment.Thresholds;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;

/**
 * The figures of {@code sentiment eval} and {@code sentiment thresholds}: 5-class root accuracy,
 * binary accuracy on the roots whose gold class is not neutral (the sign of the score decides), and
 * the 3-label accuracy and macro-F1 of Sanjeh's labels.
 */
public final class SstReport {

  /** Socher et al. 2013, Table 1, RNTN, sentence (root) level. */
  public static final double PUBLISHED_FINE_GRAINED = 0.457;

  public static final double PUBLISHED_BINARY = 0.854;

  private final List<SstSentence> sentences;

  SstReport(List<SstSentence> sentences) {
    this.sentences = List.copyOf(sentences);
  }

  /** Parses and scores {@code file} (its first {@code limit} roots, 0 for all). */
  public static SstReport of(
      Path file, int limit, CoreNlpEnglishModel parser, PrintWriter progress) {
    return new SstReport(SstEvaluation.run(file, limit, parser, progress));
  }

  public int size() {
    return sentences.size();
  }

  public long nonNeutral() {
    return sentences.stream().filter(s -> s.gold() != 2).count();
  }

  public double fineGrained(boolean goldTrees) {
    long correct =
        sentences.stream().filter(s -> argmax(probabilities(s, goldTrees)) == s.gold()).count();
    return (double) correct / sentences.size();
  }

  public double binary(boolean goldTrees) {
    long correct =
        sentences.stream()
            .filter(s -> s.gold() != 2)
            .filter(
                s -> {
                  double score = CoreNlpEnglishModel.expectedScore(probabilities(s, goldTrees));
                  return s.gold() < 2 ? score < 0 : score > 0;
                })
            .count();
    return (double) correct / nonNeutral();
  }

  public double threeLabelAccuracy(Thresholds thresholds) {
    return Metrics.accuracy(gold(), predicted(thresholds));
  }

  public double threeLabelMacroF1(Thresholds thresholds) {
    return Metrics.macroF1(gold(), predicted(thresholds));
  }

  /**
   * The thresholds on a 0.01 grid over [-0.6, 0.6] that give the best 3-label macro-F1 (ties: the
   * better accuracy, then the narrower neutral band) on these sentences' shift-reduce scores.
   */
  public Thresholds bestThresholds() {
    Thresholds best = null;
    double bestF1 = -1;
    double bestAccuracy = -1;
    for (int low = -60; low <= 60; low++) {
      for (int high = low; high <= 60; high++) {
        Thresholds candidate = new Thresholds(low / 100.0, high / 100.0);
        double f1 = threeLabelMacroF1(candidate);
        double accuracy = threeLabelAccuracy(candidate);
        if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && accuracy > bestAccuracy)) {
          best = candidate;
          bestF1 = f1;
          bestAccuracy = accuracy;
        }
      }
    }
    return best;
  }

  public void print(String name, Thresholds thresholds, PrintWriter out) {
    out.printf("SST %s: %,d sentences, %,d with a non-neutral root%n", name, size(), nonNeutral());
    out.printf("%-44s %10s %12s%n", "", "Sanjeh", "published");
    row(out, "5-class root accuracy, gold trees", fineGrained(true), PUBLISHED_FINE_GRAINED);
    row(out, "binary root accuracy, gold trees", binary(true), PUBLISHED_BINARY);
    row(out, "5-class root accuracy, shift-reduce parses", fineGrained(false), Double.NaN);
    row(out, "binary root accuracy, shift-reduce parses", binary(false), Double.NaN);
    out.printf(
        "3 labels (negative < %s <= neutral <= %s < positive), shift-reduce parses:%n",
        thresholds.negativeBelow(), thresholds.positiveAbove());
    row(out, "  accuracy", threeLabelAccuracy(thresholds), Double.NaN);
    row(out, "  macro-F1", threeLabelMacroF1(thresholds), Double.NaN);
    out.println(
        "published: Socher et al. 2013 (EMNLP), RNTN on gold trees: 45.7% fine-grained, 85.4%"
            + " positive/negative at the root.");
  }

  private static void row(PrintWriter out, String what, double ours, double published) {
    out.printf(
        "%-44s %9.1f%% %12s%n",
        what, ours * 100, Double.isNaN(published) ? "" : "%.1f%%".formatted(published * 100));
  }

  private List<Label> gold() {
    return map(s -> Metrics.sstLabel(s.gold()));
  }

  private List<Label> predicted(Thresholds thresholds) {
    return map(s -> thresholds.label(CoreNlpEnglishModel.expectedScore(s.onParse())));
  }

  private List<Label> map(Function<SstSentence, Label> f) {
    return sentences.stream().map(f).toList();
  }

  private static double[] probabilities(SstSentence s, boolean goldTrees) {
    return goldTrees ? s.onGoldTree() : s.onParse();
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
