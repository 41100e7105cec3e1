package org.sanjeh.batch.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

  // four rows by hand: positives score 0.9 and 0.4, negatives 0.6 and 0.1
  private final BinaryMetrics metrics =
      new BinaryMetrics(new double[] {0.9, 0.6, 0.4, 0.1}, new int[] {1, 0, 1, 0});

  @Test
  void rocAucIsTheShareOfPositiveNegativePairsRankedRight() {
    // pairs (0.9,0.6) (0.9,0.1) (0.4,0.1) right, (0.4,0.6) wrong: 3 of 4
    assertThat(metrics.rocAuc()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void tiedScoresCountHalf() {
    assertThat(new BinaryMetrics(new double[] {0.5, 0.5}, new int[] {1, 0}).rocAuc())
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void prAucIsTheMeanPrecisionAtEachPositive() {
    // precision 1/1 at the first positive, 2/3 at the second
    assertThat(metrics.prAuc()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
  }

  @Test
  void liftByDecileComparesEachTenthWithTheBaseRate() {
    double[] scores = new double[100];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      scores[i] = i / 100.0;
      labels[i] = i >= 90 ? 1 : 0; // the ten highest scores are the ten positives
    }
    BinaryMetrics m = new BinaryMetrics(scores, labels);

    assertThat(m.baseRate()).isEqualTo(0.1);
    assertThat(m.liftByDecile().get(0).lift()).isCloseTo(10.0, within(1e-9));
    assertThat(m.liftByDecile().get(9).lift()).isZero();
    assertThat(m.scoreAtTopShare(0.1)).isEqualTo(0.90);
  }

  @Test
  void calibrationBinsHoldMeanPredictedAndObservedRates() {
    BinaryMetrics m = new BinaryMetrics(new double[] {0.12, 0.18, 0.81}, new int[] {0, 1, 1});

    assertThat(m.calibration())
        .extracting(BinaryMetrics.CalibrationBin::count, BinaryMetrics.CalibrationBin::observed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, 0.5),
            org.assertj.core.groups.Tuple.tuple(1L, 1.0));
    assertThat(m.calibration().get(0).meanPredicted()).isCloseTo(0.15, within(1e-12));
  }
}
