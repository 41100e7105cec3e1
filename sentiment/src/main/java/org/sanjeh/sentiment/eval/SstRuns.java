package org.sanjeh.sentiment.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.sanjeh.sentiment.Thresholds;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;

/** What {@code sentiment eval} and {@code sentiment thresholds} do, behind their options. */
public final class SstRuns {

  private SstRuns() {}

  /** Prints the SST figures of {@code split} next to the published ones. */
  public static void eval(Path sstFolder, String split, int limit, PrintWriter out) {
    SstReport report = load(sstFolder, split, limit, out);
    report.print(split, CoreNlpEnglishModel.SST_DEV_THRESHOLDS, out);
    out.flush();
  }

  /** Searches the label thresholds on {@code split} and prints them with their figures. */
  public static Thresholds thresholds(Path sstFolder, String split, int limit, PrintWriter out) {
    SstReport report = load(sstFolder, split, limit, out);
    Thresholds best = report.bestThresholds();
    out.printf(
        "best thresholds on SST %s (%,d sentences): negative below %.2f, positive above %.2f%n",
        split, report.size(), best.negativeBelow(), best.positiveAbove());
    out.printf(
        "  3-label macro-F1 %.1f%%, accuracy %.1f%%%n",
        report.threeLabelMacroF1(best) * 100, report.threeLabelAccuracy(best) * 100);
    Thresholds inUse = CoreNlpEnglishModel.SST_DEV_THRESHOLDS;
    out.printf(
        "thresholds in use (%.2f, %.2f): macro-F1 %.1f%%, accuracy %.1f%%%n",
        inUse.negativeBelow(),
        inUse.positiveAbove(),
        report.threeLabelMacroF1(inUse) * 100,
        report.threeLabelAccuracy(inUse) * 100);
    out.flush();
    return best;
  }

  private static SstReport load(Path sstFolder, String split, int limit, PrintWriter out) {
    Path file = sstFolder.resolve(split + ".txt");
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no SST file at %s: pass the folder holding dev.txt and test.txt with --sst"
              .formatted(file));
    }
    long start = System.nanoTime();
    CoreNlpEnglishModel model = new CoreNlpEnglishModel(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    out.printf("CoreNLP loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    out.flush();
    SstReport report = SstReport.of(file, limit, model, out);
    out.printf("scored in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return report;
  }
}
