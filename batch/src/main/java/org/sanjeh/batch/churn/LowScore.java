package org.sanjeh.batch.churn;

import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * A low survey answer, the dissatisfaction label (docs/metrics.md's scales): CSAT 1–3 of 5, NPS
 * detractor 0–6 of 10, CES 1–3 of 7.
 */
public final class LowScore {

  private LowScore() {}

  public static boolean isLow(String kind, int score) {
    return switch (kind) {
      case "csat", "ces" -> score <= 3;
      case "nps" -> score <= 6;
      default -> throw new IllegalArgumentException("unknown survey kind " + kind);
    };
  }

  public static Column isLow(Column kind, Column score) {
    return when(kind.equalTo("nps"), score.leq(6))
        .when(kind.isin("csat", "ces"), score.leq(3))
        .otherwise(false);
  }
}
