package org.sanjeh.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrtHistogramTest {

  @Test
  void bucketsAreFourPerDoublingFromOneSecond() {
    assertThat(FrtHistogram.bucket(999)).isZero();
    assertThat(FrtHistogram.bucket(1_000)).isEqualTo(1);
    assertThat(FrtHistogram.bucket(2_000)).isEqualTo(5);
    assertThat(FrtHistogram.bucket(Long.MAX_VALUE / 2)).isEqualTo(FrtHistogram.BUCKETS - 1);
  }

  @Test
  void quantilesAreWithinTenPercentOfTheExactOnes() {
    Random random = new Random(7);
    long[] times = new long[10_000];
    int[] counts = new int[FrtHistogram.BUCKETS];
    for (int i = 0; i < times.length; i++) {
      times[i] = (long) (Math.exp(random.nextGaussian() * 1.5 + 7) * 1000); // median ~18 min
      counts[FrtHistogram.bucket(times[i])]++;
    }
    Arrays.sort(times);
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      double exact = times[(int) Math.ceil(q * times.length) - 1] / 1000.0;
      assertThat(FrtHistogram.quantileSeconds(counts, q)).isCloseTo(exact, within(exact * 0.1));
    }
  }
}
