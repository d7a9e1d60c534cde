package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * The README's Spark SQL query for "every host that probed in three or more months", run as written
 * over three months of --parquet report folders.
 */
class ProbeMonthsQueryTest {
  private static final String EVERY_MONTH = "198.51.100.3";
  private static final String TWO_MONTHS = "198.51.100.2";
  private static final String ONE_MONTH = "198.51.100.4";

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private static String line(String host, String time, String path) {
    return host + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" 404 9 \"-\" \"Mozilla/5.0\"";
  }

  /** One month's logs, read into reports/MONTH with --parquet. */
  private void month(String month, List<String> lines) throws IOException {
    Path logs = LogFiles.plain(tmp.resolve("logs/" + month + "/access_log"), lines);
    Path out = tmp.resolve("reports/" + month);
    ProbeJob.run(
        spark,
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()).withParquet(),
        new PrintWriter(new StringWriter()));
  }

  /** The one sql block of README.md that follows the words "three or more months". */
  private static String readmeQuery() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int words = readme.indexOf("three or more months");
    assertTrue(words >= 0, "the README names the query");
    int start = readme.indexOf("```sql\n", words) + "```sql\n".length();
    return readme.substring(start, readme.indexOf("```", start)).strip();
  }

  @Test
  void theReadmeQueryFindsTheHostThatProbedInThreeMonths() throws IOException {
    month(
        "2025-10",
        List.of(
            line(EVERY_MONTH, "03/Oct/2025:10:00:00 +0900", "/cgi-bin/phf"),
            line(TWO_MONTHS, "04/Oct/2025:10:00:00 +0900", "/cgi-bin/test-cgi")));
    month(
        "2025-11",
        List.of(
            line(EVERY_MONTH, "03/Nov/2025:10:00:00 +0900", "/cgi-bin/test-cgi"),
            line(TWO_MONTHS, "04/Nov/2025:10:00:00 +0900", "/cgi-bin/phf")));
    month(
        "2025-12",
        List.of(
            line(EVERY_MONTH, "03/Dec/2025:10:00:00 +0900", "/cgi-bin/phf"),
            // In December's log, but 30 November in UTC: the month of its probe is November.
            line(TWO_MONTHS, "01/Dec/2025:08:00:00 +0900", "/cgi-bin/phf"),
            // December, but no probe.
            line(TWO_MONTHS, "05/Dec/2025:10:00:00 +0900", "/index.html"),
            line(ONE_MONTH, "06/Dec/2025:10:00:00 +0900", "/cgi-bin/phf"),
            line(ONE_MONTH, "07/Dec/2025:10:00:00 +0900", "/cgi-bin/test-cgi")));

    String query = readmeQuery();
    // A session far from UTC: the query must still count the months of UTC dates.
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
    try {
      assertFound(query);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }

  private void assertFound(String query) {
    assertTrue(query.contains("reports/2025-*/parquet/requests"), query);
    String reports = tmp.resolve("reports").toUri().toString().replaceAll("/$", "");
    String here = query.replace("reports/", reports + "/");
    List<Row> found = spark.sql(here).collectAsList();

    assertEquals(1, found.size(), "hosts found: " + found);
    assertEquals(EVERY_MONTH, found.get(0).getString(0));
    assertEquals(3L, found.get(0).getLong(1));
    List<String> hosts =
        spark.sql(here.replace(">= 3", ">= 2")).collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(
        List.of(TWO_MONTHS, EVERY_MONTH),
        hosts,
        "two months for the host whose December line is a November probe");
  }
}
