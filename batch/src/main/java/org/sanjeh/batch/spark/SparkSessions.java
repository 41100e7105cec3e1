package org.sanjeh.batch.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built. Local mode by default ({@code local[*]}); under
 * spark-submit the master and resources come from the submit command and are left alone.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * The session for a job: an existing one (spark-submit, tests), else a local one bound to the
   * loopback address with the UI off and Spark's logs at WARN.
   */
  public static SparkSession forJob(String appName, String master, int shufflePartitions) {
    return forJob(appName, master, shufflePartitions, false);
  }

  /** As {@link #forJob(String, String, int)}; {@code verbose} keeps Spark's INFO lines. */
  public static SparkSession forJob(
      String appName, String master, int shufflePartitions, boolean verbose) {
    if (verbose) {
      Logs.verbose();
    }
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true");
    if (System.getProperty("spark.master") == null) {
      builder
          .master(master)
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false");
    }
    SparkSession session = builder.getOrCreate();
    if (!verbose) {
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** For tests: {@code local[2]}, no UI, two shuffle partitions. */
  public static SparkSession forTests(String appName) {
    return forJob(appName, "local[2]", 2);
  }
}
