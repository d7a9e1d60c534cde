package org.probehunt.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session every Spark test of the suite shares: starting one costs seconds. It
 * runs with the properties {@code jobs/probehunt} gives a local run, so that the tests exercise
 * what users run (the file system for {@code file:} paths, adaptive execution off), with two cores
 * and fewer shuffle partitions for the tests' tiny tables.
 */
public final class SparkTestSession {
  /** The properties of a local run, in spark-submit's --properties-file format. */
  static final Path LOCAL_PROPERTIES = Path.of("jobs/conf/local.properties");

  private static SparkSession spark;

  private SparkTestSession() {}

  /** The shared session, started on first use and stopped when the test JVM exits. */
  public static synchronized SparkSession get() {
    if (spark == null) {
      // The classic session's builder, as the command line's (job/Sessions.java).
      org.apache.spark.sql.classic.SparkSession.Builder builder =
          org.apache.spark.sql.classic.SparkSession.builder().appName("probehunt-tests");
      localProperties().forEach((key, value) -> builder.config((String) key, (String) value));
      spark =
          builder
              .master("local[2]")
              .config("spark.sql.shuffle.partitions", 4)
              .config("spark.ui.enabled", false)
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  private static Properties localProperties() {
    // java.util.Properties reads "key value" lines and # comments, as spark-submit does.
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(LOCAL_PROPERTIES, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the tests run with " + LOCAL_PROPERTIES.toAbsolutePath(), e);
    }
    return properties;
  }
}
