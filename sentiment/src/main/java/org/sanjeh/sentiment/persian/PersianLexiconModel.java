package org.sanjeh.sentiment.persian;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.SentimentModel;
import org.sanjeh.sentiment.TextScore;
import org.sanjeh.sentiment.Thresholds;
import org.sanjeh.sentiment.text.TextCleaner;

/**
 * Sanjeh's Persian model: the support-domain lexicon ({@link PersianLexicon}) with negation and
 * intensifiers, over Lucene-normalised tokens. A sentence's raw sum S of polar values becomes a
 * score S / sqrt(S² + 1) in (-1, 1); a text's score is the token-weighted mean of its sentences.
 *
 * <p>Rules, in the order they apply within a clause (a sentence cut at commas and at "ولی", "اما",
 * …): the longest phrase of up to four tokens wins over single words; an intensifier scales the
 * next polar word within three tokens; a negated verb ("نیست", "نشد", "نمی…") reverses the nearest
 * polar word before it, a negating word ("بدون", "هیچ") the nearest after it; a word is reversed
 * once however many negators reach it (Persian doubles negation: "هیچ مشکلی نبود"), and a reversed
 * value is damped to 0.8 of its size ("not good" is milder than "bad").
 */
public final class PersianLexiconModel implements SentimentModel {

  public static final String NAME = "sanjeh-fa-lexicon";
  public static final String VERSION = "1.0.0";

  /** Chosen on the dev half of the Persian evaluation set (module README, "Persian"). */
  public static final Thresholds THRESHOLDS = new Thresholds(-0.2, 0.2);

  private static final double NEGATION_FACTOR = -0.8;
  private static final int INTENSIFIER_REACH = 3;
  private static final int NEGATION_REACH_BACK = 4;
  private static final int NEGATION_REACH_FORWARD = 3;
  private static final Pattern SENTENCES = Pattern.compile("[.!?؟!\\n…]+");
  private static final Pattern CLAUSES = Pattern.compile("[,،;؛:]+");

  private static final ModelId ID = new ModelId(NAME, VERSION + "+" + TextCleaner.VERSION);

  private final PersianLexicon lexicon;

  public PersianLexiconModel(PersianLexicon lexicon) {
    this.lexicon = lexicon;
  }

  public static PersianLexiconModel bundled() {
    return new PersianLexiconModel(PersianLexicon.bundled());
  }

  @Override
  public ModelId id() {
    return ID;
  }

  @Override
  public Thresholds thresholds() {
    return THRESHOLDS;
  }

  @Override
  public TextScore score(String cleanedText) {
    List<SentenceScore> sentences = new ArrayList<>();
    for (String sentence : SENTENCES.split(cleanedText)) {
      double sum = 0;
      int tokens = 0;
      for (String clause : CLAUSES.split(sentence)) {
        for (List<String> part : splitAtBreaks(PersianTokens.of(clause))) {
          sum += clauseSum(part);
          tokens += part.size();
        }
      }
      if (tokens > 0) {
        sentences.add(new SentenceScore(sum / Math.sqrt(sum * sum + 1), tokens, 0));
      }
    }
    return TextScore.lengthWeighted(sentences);
  }

  private List<List<String>> splitAtBreaks(List<String> tokens) {
    List<List<String>> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (lexicon.breaksClause(tokens.get(i))) {
        parts.add(tokens.subList(start, i));
        start = i + 1;
      }
    }
    parts.add(tokens.subList(start, tokens.size()));
    return parts;
  }

  /** The sum of the clause's polar values after intensifiers and negation. */
  double clauseSum(List<String> tokens) {
    List<Hit> hits = polarHits(tokens);
    for (int at = 0; at < tokens.size(); at++) {
      final int i = at;
      String token = tokens.get(i);
      if (inPhrase(hits, i)) {
        continue;
      }
      Optional<Double> intensity = lexicon.intensity(token);
      if (intensity.isPresent()) {
        nearestAfter(hits, i, INTENSIFIER_REACH).ifPresent(h -> h.scale(intensity.get()));
      }
      if (lexicon.negatesBefore(token)) {
        nearestBefore(hits, i, NEGATION_REACH_BACK)
            .or(() -> nearestAfter(hits, i, NEGATION_REACH_FORWARD))
            .ifPresent(Hit::negate);
      } else if (lexicon.negatesAfter(token)) {
        nearestAfter(hits, i, NEGATION_REACH_FORWARD).ifPresent(Hit::negate);
      }
    }
    return hits.stream().mapToDouble(Hit::value).sum();
  }

  private List<Hit> polarHits(List<String> tokens) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Hit hit = longestMatchAt(tokens, i);
      if (hit != null) {
        hits.add(hit);
        i = hit.end;
      } else {
        i++;
      }
    }
    return hits;
  }

  private Hit longestMatchAt(List<String> tokens, int at) {
    int longest = Math.min(PersianLexicon.MAX_PHRASE_TOKENS, tokens.size() - at);
    for (int length = longest; length >= 2; length--) {
      Optional<Double> value = lexicon.phrase(tokens, at, length);
      if (value.isPresent()) {
        return new Hit(at, at + length, value.get(), true);
      }
    }
    return lexicon.word(tokens.get(at)).map(v -> new Hit(at, at + 1, v, false)).orElse(null);
  }

  private static boolean inPhrase(List<Hit> hits, int position) {
    return hits.stream().anyMatch(h -> h.phrase && h.start <= position && position < h.end);
  }

  private static Optional<Hit> nearestBefore(List<Hit> hits, int position, int reach) {
    Hit best = null;
    for (Hit hit : hits) {
      if (hit.end <= position && position - hit.end < reach && !hit.phrase) {
        best = hit;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<Hit> nearestAfter(List<Hit> hits, int position, int reach) {
    for (Hit hit : hits) {
      if (hit.start > position && hit.start - position <= reach) {
        return hit.phrase ? Optional.empty() : Optional.of(hit);
      }
    }
    return Optional.empty();
  }

  /** A polar word or phrase at tokens [start, end). Phrases carry their own negation. */
  private static final class Hit {
    final int start;
    final int end;
    final boolean phrase;
    private double value;
    private boolean negated;

    Hit(int start, int end, double value, boolean phrase) {
      this.start = start;
      this.end = end;
      this.value = value;
      this.phrase = phrase;
    }

    void scale(double factor) {
      value *= factor;
    }

    void negate() {
      if (!negated) {
        negated = true;
        value *= NEGATION_FACTOR;
      }
    }

    double value() {
      return value;
    }
  }
}
