package org.probehunt.testing;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session every Spark test of the suite shares: starting one costs seconds. */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  /** The shared session, started on first use and stopped when the test JVM exits. */
  public static synchronized SparkSession get() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("probehunt-tests")
              .config("spark.ui.enabled", false)
              // Test tables are tiny; the default 200 shuffle partitions would be 200 empty tasks.
              .config("spark.sql.shuffle.partitions", 4)
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
