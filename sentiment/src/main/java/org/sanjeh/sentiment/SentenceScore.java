package org.sanjeh.sentiment;

/**
 * One sentence's score in [-1, 1] and how many tokens it was scored on; {@code cutTokens} counts
 * the tokens past the sentence-length cap that the model did not read.
 */
public record SentenceScore(double score, int tokens, int cutTokens) {}
