package org.sanjeh.batch.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sanjeh.batch.spark.SparkSessions;

/** One {@code local[2]} session per test class: no UI, loopback only, two shuffle partitions. */
public abstract class SparkTest {

  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.forTests("sanjeh-batch-test");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    spark = null;
  }
}
