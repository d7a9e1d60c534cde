package org.probehunt.job;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Finds or starts the SparkSession a command runs in. */
public final class Sessions {
  private static final String FATAL_ERROR_DEPTH = "spark.executor.killOnFatalError.depth";

  private Sessions() {}

  /**
   * Runs the job in the session spark-submit (or a test) already started, or else in a new local
   * one that is stopped afterwards. Without a master from spark-submit or {@code -Dspark.master},
   * the job runs in local mode on every core.
   */
  public static JobResult run(JobSettings settings, PrintWriter console) throws IOException {
    return within(spark -> ProbeJob.run(spark, settings, console));
  }

  /** Work that needs a SparkSession. */
  @FunctionalInterface
  public interface Work<T> {
    T run(SparkSession spark) throws IOException;
  }

  /** Runs {@code work} in spark-submit's (or a test's) session, or else in a new local one. */
  public static <T> T within(Work<T> work) throws IOException {
    SparkSession existing =
        SparkSession.getActiveSession()
            .getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
    if (existing != null) {
      return work.run(existing);
    }
    // This JVM is about to become a Spark driver: the commands that never start one (rules, find,
    // --help) pay nothing for the hints, and a session reused by tests gets none.
    CompilerHints.installOnce();
    SparkConf conf = new SparkConf().setAppName("probehunt");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    // In local mode the executor is this JVM: on a fatal error in a task Spark's handler would
    // end it with exit code 52 before the command could say why. Checking no cause as fatal makes
    // an out-of-memory in a task fail its job, which the command line reports in one line.
    if (conf.get("spark.master").startsWith("local") && !conf.contains(FATAL_ERROR_DEPTH)) {
      conf.set(FATAL_ERROR_DEPTH, "0");
    }
    // The classic (in-process) session's own builder: SparkSession.builder() would first look for
    // an implementation through Scala's runtime reflection, which loads and reads a thousand
    // classes' signatures, half a second before the run can start.
    SparkSession spark =
        org.apache.spark.sql.classic.SparkSession.builder().config(conf).getOrCreate();
    try {
      return work.run(spark);
    } finally {
      spark.stop();
    }
  }
}
