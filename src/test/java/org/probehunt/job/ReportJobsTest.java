package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * The report phase's Spark jobs: each has a fixed cost (scheduling, code generation) whatever the
 * data, so the tables after the join back share jobs and no job runs only to count or print.
 */
class ReportJobsTest {
  /**
   * Jobs after the join back line on a run with drafts and no rejected line: requests.csv,
   * hosts.csv, campaigns.csv, domains.csv, the drafted hosts' broadcast, the drafts, the AbuseIPDB
   * hosts' broadcast and rows, the probe ranks, and report.html's three host tables. There were 18
   * before the totals, ranks and day counts shared jobs.
   */
  static final int REPORT_JOBS = 12;

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private static String line(String host, int second, String path) {
    return String.format(
        "%s - - [01/Oct/2025:10:%02d:%02d +0900] \"GET %s HTTP/1.1\" 404 9 \"-\" \"Mozilla/5.0\"",
        host, second / 60, second % 60, path);
  }

  /** Counts the jobs Spark starts from the console's join back line to the end of the run. */
  private static final class JobCountingConsole extends StringWriter {
    private int atJoinBack = -1;

    @Override
    public void flush() {
      super.flush();
      if (atJoinBack < 0 && toString().contains("requests from the flagged hosts")) {
        atJoinBack = jobsSoFar();
      }
    }

    int since() {
      return jobsSoFar() - atJoinBack;
    }

    private static int jobsSoFar() {
      return spark.sparkContext().dagScheduler().numTotalJobs();
    }
  }

  @Test
  void theReportPhaseRunsAFixedNumberOfJobs() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String host = "scan" + i + ".example" + (i % 4) + ".net";
      lines.add(line(host, 2 * i, "/cgi-bin/phf"));
      lines.add(line(host, 2 * i + 1, "/index.html"));
    }
    lines.add(line("reader.example.org", 40, "/index.html"));
    Path logs = LogFiles.plain(tmp.resolve("logs/access_log"), lines);
    Path out = tmp.resolve("out");
    JobCountingConsole console = new JobCountingConsole();

    ProbeJob.run(
        spark,
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
        new PrintWriter(console, true));

    assertTrue(console.atJoinBack >= 0, "no join back line in: " + console);
    List<Map<String, String>> hosts = CsvFiles.rows(out.resolve("hosts.csv"));
    assertEquals(12, hosts.size(), "hosts.csv: " + hosts);
    try (Stream<Path> drafts = Files.list(out.resolve("notices"))) {
      assertEquals(
          8, drafts.filter(p -> p.toString().endsWith(".eml")).count(), "two drafts a contact");
    }
    int jobs = console.since();
    assertTrue(jobs <= REPORT_JOBS, jobs + " jobs after the join back, at most " + REPORT_JOBS);
  }
}
