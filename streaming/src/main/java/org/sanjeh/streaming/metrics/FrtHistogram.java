package org.sanjeh.streaming.metrics;

/**
 * A fixed log-scale histogram of first-response times: mergeable by adding counts bucket by bucket
 * (ClickHouse: {@code sumForEach}), so quantiles over any set of minutes and dimensions come from
 * the merged counts. Bucket 0 holds times under 1 s; bucket i > 0 holds [2^((i-1)/4), 2^(i/4))
 * seconds, four buckets per doubling, so a quantile read at a bucket's geometric middle is within
 * 9% of the true value. The last bucket is open-ended (from about 18 days).
 */
public final class FrtHistogram {

  public static final int BUCKETS = 86;

  private FrtHistogram() {}

  public static int bucket(long millis) {
    if (millis < 1000) {
      return 0;
    }
    double seconds = millis / 1000.0;
    int i = 1 + (int) Math.floor(4 * (Math.log(seconds) / Math.log(2)));
    return Math.min(i, BUCKETS - 1);
  }

  /** The lower bound of bucket i > 0, in seconds. */
  public static double lowerSeconds(int bucket) {
    return bucket == 0 ? 0 : Math.pow(2, (bucket - 1) / 4.0);
  }

  /** The q-quantile (0..1) of the histogram, in seconds: the geometric middle of its bucket. */
  public static double quantileSeconds(int[] counts, double q) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return i == 0 ? 0.5 : Math.pow(2, (i - 0.5) / 4.0);
      }
    }
    return Math.pow(2, (counts.length - 1.5) / 4.0);
  }
}
