package org.sanjeh.sentiment.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sanjeh.sentiment.Label;
import org.sanjeh.sentiment.SentimentScorer;
import org.sanjeh.sentiment.cache.ScoreCache;
import org.sanjeh.sentiment.persian.PersianLexiconModel;

/**
 * Sanjeh's Persian model on the project's labelled Persian set ({@code eval-fa-dev.tsv}, 60
 * sentences, and {@code eval-fa-test.tsv}, 150, each balanced over the three labels), scored
 * through the same {@link SentimentScorer} path as production text.
 */
public final class PersianEvaluation {

  /** One labelled sentence. */
  public record Example(Label gold, String text) {}

  /** The figures for one split. */
  public record Result(
      int size, double accuracy, double macroF1, List<Label> gold, List<Label> predicted) {}

  private PersianEvaluation() {}

  public static List<Example> read(String split) {
    String resource = "/org/sanjeh/sentiment/persian/eval-fa-" + split + ".tsv";
    try (InputStream in = PersianEvaluation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no Persian evaluation split \"" + split + "\": use dev or test");
      }
      List<Example> examples = new ArrayList<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", 2);
        examples.add(new Example(Label.valueOf(fields[0].toUpperCase(Locale.ROOT)), fields[1]));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result evaluate(String split) {
    List<Example> examples = read(split);
    SentimentScorer scorer =
        new SentimentScorer(
            SentimentScorer.lazyEnglish(0), PersianLexiconModel.bundled(), ScoreCache.NONE, true);
    List<Label> gold = examples.stream().map(Example::gold).toList();
    List<Label> predicted = examples.stream().map(e -> scorer.score(e.text()).label()).toList();
    if (scorer.englishLoaded()) {
      throw new IllegalStateException("a Persian evaluation sentence reached the English model");
    }
    return new Result(
        examples.size(),
        Metrics.accuracy(gold, predicted),
        Metrics.macroF1(gold, predicted),
        gold,
        predicted);
  }

  public static void print(String split, PrintWriter out) {
    Result result = evaluate(split);
    out.printf(
        "Persian %s set: %d sentences, accuracy %.1f%%, macro-F1 %.1f%% (%s, thresholds %s / %s)%n",
        split,
        result.size(),
        result.accuracy() * 100,
        result.macroF1() * 100,
        PersianLexiconModel.NAME + "@" + PersianLexiconModel.VERSION,
        PersianLexiconModel.THRESHOLDS.negativeBelow(),
        PersianLexiconModel.THRESHOLDS.positiveAbove());
    out.println("confusion (rows gold, columns predicted: negative neutral positive)");
    for (Label gold : Label.values()) {
      out.printf("  %-8s", gold.wire());
      for (Label predicted : Label.values()) {
        int count = 0;
        for (int i = 0; i < result.size(); i++) {
          if (result.gold().get(i) == gold && result.predicted().get(i) == predicted) {
            count++;
          }
        }
        out.printf(" %4d", count);
      }
      out.println();
    }
    out.flush();
  }
}
