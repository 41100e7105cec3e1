package org.sanjeh.core.survey;

import java.util.Collection;

/**
 * CSAT, NPS and CES by the definitions in docs/metrics.md, each with its sample size and a 95%
 * confidence interval:
 *
 * <ul>
 *   <li>CSAT: the share of 4–5 ratings over answered ratings; Wilson score interval (it stays
 *       inside 0..1 and behaves at 0% and 100%, unlike the normal approximation).
 *   <li>NPS: 100 × (share of promoters − share of detractors); the standard variance-based
 *       interval, variance of the per-answer score (+1, 0, −1) = P + D − (P − D)², clamped to
 *       −100..100. With one answer, or when every answer is alike, that variance is 0 and the
 *       interval collapses to the value: see {@link Score#smallSample()}.
 *   <li>CES: the mean on 1–7 with Student's t interval (sample standard deviation, n − 1 degrees of
 *       freedom), clamped to the scale; with one answer the interval is the whole scale. Also the
 *       share agreeing (5–7).
 * </ul>
 *
 * The count forms are what a warehouse query returns; the collection forms check each score.
 */
public final class SurveyScores {

  static final double Z_95 = 1.959963984540054;

  /** Two-sided 95% Student t quantiles for 1..30 degrees of freedom. */
  private static final double[] T_95 = {
    12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
    2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
    2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
    2.048407, 2.045230, 2.042272
  };

  private SurveyScores() {}

  public static Score csat(long satisfied, long answered, long invited) {
    checkCounts(answered, invited);
    if (satisfied < 0 || satisfied > answered) {
      throw new IllegalArgumentException(
          "satisfied answers (" + satisfied + ") must be between 0 and " + answered);
    }
    if (answered == 0) {
      return empty(SurveyKind.CSAT, invited);
    }
    double n = answered;
    double p = satisfied / n;
    double z2 = Z_95 * Z_95;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denominator;
    double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Score(
        SurveyKind.CSAT,
        answered,
        invited,
        p,
        Math.max(0, center - half),
        Math.min(1, center + half),
        Double.NaN);
  }

  public static Score csat(Collection<Integer> ratings, long invited) {
    long satisfied = ratings.stream().map(SurveyKind.CSAT::check).filter(r -> r >= 4).count();
    return csat(satisfied, ratings.size(), invited);
  }

  public static Score nps(long promoters, long passives, long detractors, long invited) {
    long answered = promoters + passives + detractors;
    checkCounts(answered, invited);
    if (promoters < 0 || passives < 0 || detractors < 0) {
      throw new IllegalArgumentException("NPS counts cannot be negative");
    }
    if (answered == 0) {
      return empty(SurveyKind.NPS, invited);
    }
    double p = (double) promoters / answered;
    double d = (double) detractors / answered;
    double value = 100 * (p - d);
    double variance = p + d - (p - d) * (p - d);
    double half = 100 * Z_95 * Math.sqrt(variance / answered);
    return new Score(
        SurveyKind.NPS,
        answered,
        invited,
        value,
        Math.max(-100, value - half),
        Math.min(100, value + half),
        Double.NaN);
  }

  public static Score nps(Collection<Integer> scores, long invited) {
    long promoters = 0;
    long passives = 0;
    long detractors = 0;
    for (int score : scores) {
      SurveyKind.NPS.check(score);
      if (score >= 9) {
        promoters++;
      } else if (score >= 7) {
        passives++;
      } else {
        detractors++;
      }
    }
    return nps(promoters, passives, detractors, invited);
  }

  /**
   * @param sum the sum of the answers
   * @param sumOfSquares the sum of their squares
   * @param agreeing answers of 5–7
   */
  public static Score ces(
      long answered, double sum, double sumOfSquares, long agreeing, long invited) {
    checkCounts(answered, invited);
    if (answered == 0) {
      return empty(SurveyKind.CES, invited);
    }
    double mean = sum / answered;
    double share = (double) agreeing / answered;
    if (answered == 1) {
      return new Score(
          SurveyKind.CES,
          1,
          invited,
          mean,
          SurveyKind.CES.lowest(),
          SurveyKind.CES.highest(),
          share);
    }
    double variance = Math.max(0, (sumOfSquares - answered * mean * mean) / (answered - 1));
    double half = tQuantile95(answered - 1) * Math.sqrt(variance / answered);
    return new Score(
        SurveyKind.CES,
        answered,
        invited,
        mean,
        Math.max(SurveyKind.CES.lowest(), mean - half),
        Math.min(SurveyKind.CES.highest(), mean + half),
        share);
  }

  public static Score ces(Collection<Integer> scores, long invited) {
    double sum = 0;
    double squares = 0;
    long agreeing = 0;
    for (int score : scores) {
      SurveyKind.CES.check(score);
      sum += score;
      squares += (double) score * score;
      agreeing += score >= 5 ? 1 : 0;
    }
    return ces(scores.size(), sum, squares, agreeing, invited);
  }

  /**
   * The two-sided 95% quantile of Student's t: the table up to 30 degrees of freedom, then the
   * Cornish–Fisher expansion around the normal quantile (error below 1e-4 there).
   */
  static double tQuantile95(long degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1");
    }
    if (degreesOfFreedom <= T_95.length) {
      return T_95[(int) degreesOfFreedom - 1];
    }
    double z = Z_95;
    double v = degreesOfFreedom;
    return z
        + (z * z * z + z) / (4 * v)
        + (5 * Math.pow(z, 5) + 16 * Math.pow(z, 3) + 3 * z) / (96 * v * v)
        + (3 * Math.pow(z, 7) + 19 * Math.pow(z, 5) + 17 * Math.pow(z, 3) - 15 * z)
            / (384 * v * v * v);
  }

  private static Score empty(SurveyKind kind, long invited) {
    return new Score(kind, 0, invited, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  private static void checkCounts(long answered, long invited) {
    if (answered < 0 || invited < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (invited > 0 && answered > invited) {
      throw new IllegalArgumentException(
          "more answers (" + answered + ") than invitations (" + invited + ")");
    }
  }
}
