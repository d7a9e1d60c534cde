package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launchers' logging (jobs/conf/log4j2.properties), loaded as they load it: Spark's warnings
 * that a busy month makes and a user cannot act on stay quiet, its other warnings and errors do
 * not.
 */
class LauncherLoggingTest {
  private static LoggerContext context;

  @BeforeAll
  static void load() {
    // A context of its own: the test JVM's logging, which Spark's tests use, stays as it is.
    context = new LoggerContext("launcher", null, Path.of("jobs/conf/log4j2.properties").toUri());
    context.start();
  }

  @AfterAll
  static void close() {
    context.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Cached blocks that go to disk, one warning per block and per read (100,000 scanners).
        "org.apache.spark.storage.memory.MemoryStore",
        // Wide plans shortened in their text (the host table).
        "org.apache.spark.util.SparkStringUtils",
        "org.apache.spark.storage.BlockManager",
        "org.apache.hadoop.util.NativeCodeLoader"
      })
  void quietsWhatABusyMonthWarns(String logger) {
    assertFalse(context.getLogger(logger).isEnabled(Level.WARN), logger);
    assertTrue(context.getLogger(logger).isEnabled(Level.FATAL), logger);
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.apache.spark.SparkContext", "org.apache.spark.storage.DiskStore"})
  void keepsOtherWarnings(String logger) {
    assertTrue(context.getLogger(logger).isEnabled(Level.WARN), logger);
  }
}
