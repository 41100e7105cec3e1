package org.sanjeh.sentiment;

import java.util.List;

/**
 * A model's answer for one text: its sentences and their length-weighted mean. A text with no
 * scorable sentence (empty after cleaning) scores 0 with no sentences.
 */
public record TextScore(double score, List<SentenceScore> sentences) {

  public TextScore {
    sentences = List.copyOf(sentences);
  }

  public static final TextScore EMPTY = new TextScore(0, List.of());

  /** The mean of the sentence scores weighted by their token counts. */
  public static TextScore lengthWeighted(List<SentenceScore> sentences) {
    long tokens = 0;
    double sum = 0;
    for (SentenceScore sentence : sentences) {
      tokens += sentence.tokens();
      sum += sentence.score() * sentence.tokens();
    }
    return tokens == 0 ? new TextScore(0, sentences) : new TextScore(sum / tokens, sentences);
  }

  public int tokens() {
    return sentences.stream().mapToInt(SentenceScore::tokens).sum();
  }

  public int cutTokens() {
    return sentences.stream().mapToInt(SentenceScore::cutTokens).sum();
  }
}
