package org.sanjeh.sentiment;

/**
 * Cut points on the score in [-1, 1]: below {@code negativeBelow} is negative, above {@code
 * positiveAbove} positive, in between neutral.
 */
public record Thresholds(double negativeBelow, double positiveAbove) {

  public Thresholds {
    if (!(negativeBelow <= positiveAbove) || negativeBelow < -1 || positiveAbove > 1) {
      throw new IllegalArgumentException(
          "thresholds must satisfy -1 <= negativeBelow <= positiveAbove <= 1, got %s and %s"
              .formatted(negativeBelow, positiveAbove));
    }
  }

  public Label label(double score) {
    if (score < negativeBelow) {
      return Label.NEGATIVE;
    }
    return score > positiveAbove ? Label.POSITIVE : Label.NEUTRAL;
  }
}
