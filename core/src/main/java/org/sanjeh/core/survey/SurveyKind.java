package org.sanjeh.core.survey;

/** The three survey metrics, their scales, and what counts as a good answer. */
public enum SurveyKind {
  /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied); 4 and 5 are satisfied. */
  CSAT(1, 5),
  /** Net promoter score, 0 to 10; promoters answer 9–10, detractors 0–6. */
  NPS(0, 10),
  /**
   * Customer effort, 1 (strongly disagree) to 7 (strongly agree) that the company made it easy; 5–7
   * agree.
   */
  CES(1, 7);

  private final int lowest;
  private final int highest;

  SurveyKind(int lowest, int highest) {
    this.lowest = lowest;
    this.highest = highest;
  }

  public int lowest() {
    return lowest;
  }

  public int highest() {
    return highest;
  }

  /**
   * @throws IllegalArgumentException naming the scale when the score is outside it
   */
  public int check(int score) {
    if (score < lowest || score > highest) {
      throw new IllegalArgumentException(
          "%s scores go from %d to %d, got %d".formatted(name(), lowest, highest, score));
    }
    return score;
  }
}
