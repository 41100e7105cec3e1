package org.sanjeh.sentiment.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.sentiment.Sentiment;
import org.sanjeh.sentiment.SentimentModel;
import org.sanjeh.sentiment.SentimentScorer;
import org.sanjeh.sentiment.cache.MemoryScoreCache;
import org.sanjeh.sentiment.cache.ScoreCache;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;
import org.sanjeh.sentiment.persian.PersianLexiconModel;

/**
 * Messages per second on generated support messages, plain CoreNLP against each speed-up added in
 * turn, in one JVM with the models loaded before the clock starts, on one thread:
 *
 * <ol>
 *   <li>plain: every raw message through CoreNLP, no sentence cap;
 *   <li>+ cleaning (quoted replies, signatures, URLs cut): the reference answers;
 *   <li>+ identical texts scored once: must equal the reference exactly;
 *   <li>+ sentence cap: must equal the reference for every message with no cut sentence;
 *   <li>+ skipping messages already scored by the same model version: a re-run over the same
 *       messages plus 10% new ones; must equal stage 4 exactly.
 * </ol>
 */
public final class SentimentBench {

  private static final int WARM_UP = 30;

  private SentimentBench() {}

  public static void run(int count, long seed, PrintWriter out) {
    List<String> messages = SupportMessages.generate(count, seed);
    List<String> rerun = new ArrayList<>(messages);
    rerun.addAll(SupportMessages.generate(count / 10, seed + 1));
    long loadStart = System.nanoTime();
    CoreNlpEnglishModel plain = new CoreNlpEnglishModel(0);
    CoreNlpEnglishModel capped = new CoreNlpEnglishModel(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    SentimentModel persian = PersianLexiconModel.bundled();
    out.printf("models loaded in %.1f s%n", seconds(loadStart));
    new SentimentScorer(plain, persian, ScoreCache.NONE, false)
        .scoreAll(messages.subList(0, WARM_UP));
    out.printf("%,d generated messages (seed %d), 1 thread%n", count, seed);
    out.flush();

    Stage raw =
        time(
            "1 plain CoreNLP (raw text, no cap)",
            new SentimentScorer(plain, persian, ScoreCache.NONE, false),
            messages,
            out);
    Stage cleaned =
        time(
            "2 + cleaning",
            new SentimentScorer(plain, persian, ScoreCache.NONE, true),
            messages,
            out);
    Stage once =
        time(
            "3 + identical texts once",
            new SentimentScorer(plain, persian, new MemoryScoreCache(), true),
            messages,
            out);
    MemoryScoreCache scored = new MemoryScoreCache();
    Stage cap =
        time(
            "4 + sentence cap " + CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP,
            new SentimentScorer(capped, persian, scored, true),
            messages,
            out);
    Stage skip =
        time(
            "5 + skip already scored (re-run, 10% new)",
            new SentimentScorer(capped, persian, scored, true), rerun, out);

    out.printf(
        "speed-up over plain: %.1fx (stage 4), %.1fx (stage 5)%n",
        cap.rate() / raw.rate(), skip.rate() / raw.rate());
    out.printf(
        "stage 3 equals stage 2 on %d of %d messages%n",
        equal(once.answers, cleaned.answers), count);
    int cut = (int) cap.answers.stream().filter(s -> s.detail().cutTokens() > 0).count();
    out.printf(
        "stage 4 equals stage 2 on %d of %d messages; %d message(s) had a sentence cut (%d tokens not read)%n",
        equal(cap.answers, cleaned.answers),
        count,
        cut,
        cap.answers.stream().mapToInt(s -> s.detail().cutTokens()).sum());
    out.printf(
        "stage 5 equals stage 4 on %d of %d re-run messages%n",
        equal(skip.answers.subList(0, count), cap.answers), count);
    out.printf(
        "stage 2 changed %d of %d labels against stage 1 (quoted replies and signatures no longer"
            + " scored as the customer's words)%n",
        count - sameLabels(cleaned.answers, raw.answers), count);
    out.flush();
  }

  private record Stage(List<Sentiment> answers, double seconds) {
    double rate() {
      return answers.size() / seconds;
    }
  }

  private static Stage time(
      String name, SentimentScorer scorer, List<String> messages, PrintWriter out) {
    long start = System.nanoTime();
    List<Sentiment> answers = scorer.scoreAll(messages);
    Stage stage = new Stage(answers, seconds(start));
    out.printf("%-46s %7.1f s %8.1f messages/s%n", name, stage.seconds, stage.rate());
    out.flush();
    return stage;
  }

  private static int equal(List<Sentiment> a, List<Sentiment> b) {
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).score() == b.get(i).score() && a.get(i).label() == b.get(i).label()) {
        same++;
      }
    }
    return same;
  }

  private static int sameLabels(List<Sentiment> a, List<Sentiment> b) {
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).label() == b.get(i).label()) {
        same++;
      }
    }
    return same;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
