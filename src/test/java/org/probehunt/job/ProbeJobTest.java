package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/** The whole job in a local Spark session, over files each test writes. */
class ProbeJobTest {
  private static final String PHF =
      "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44";
  private static final String TEST_CGI =
      "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -";
  private static final String HANDLER =
      "surf.wil.net - - [23/Nov/1998:19:52:41 +0900] \"GET /cgi-bin/handler\" 200 16384";

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private JobResult run(Path out, Path... inputs) throws IOException {
    List<String> paths = java.util.Arrays.stream(inputs).map(p -> p.toUri().toString()).toList();
    return ProbeJob.run(
        spark, TestSettings.of(paths, out.toUri().toString()), new PrintWriter(new StringWriter()));
  }

  @Test
  void sampleFlagsSurfWilNetWithItsThreeProbes() throws IOException {
    Path out = tmp.resolve("out");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Set<Integer> kept = Set.copyOf(jsc.getPersistentRDDs().keySet());
    JobResult result = run(out, Path.of("data/sample"));
    assertEquals(
        kept,
        Set.copyOf(jsc.getPersistentRDDs().keySet()),
        "the run lets go of every table it kept, for the session may run again");

    assertFalse(result.damaged());
    List<Map<String, String>> hosts = CsvFiles.rows(out.resolve("hosts.csv"));
    assertEquals(1, hosts.size(), "flagged hosts: " + hosts);
    Map<String, String> surf = hosts.get(0);
    assertEquals("surf.wil.net", surf.get("host"));
    assertEquals("wil.net", surf.get("domain"));
    assertEquals("3", surf.get("probes"));
    assertEquals("3", surf.get("requests"));
    assertEquals("1998-11-23T19:52:17+09:00", surf.get("first_seen"));
    assertEquals("1998-11-23T19:52:41+09:00", surf.get("last_seen"));

    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(
        List.of(PHF, TEST_CGI, HANDLER),
        requests.stream().map(r -> r.get("line")).toList(),
        "requests.csv lines in time order");
    assertEquals("/cgi-bin/test-cgi", requests.get(1).get("path"));
    assertEquals("404", requests.get(1).get("status"));
    assertEquals("", requests.get(1).get("bytes"), "'-' bytes is an empty cell");

    List<Map<String, String>> inputs = CsvFiles.rows(out.resolve("inputs.csv"));
    assertEquals(1, inputs.size());
    long lines = Files.readAllLines(Path.of("data/sample/access_log")).size();
    assertEquals(String.valueOf(lines), inputs.get(0).get("lines"));
    assertEquals(String.valueOf(lines), inputs.get(0).get("parsed"));
    assertEquals("ok", inputs.get(0).get("status"));
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    try (var files = Files.walk(out)) {
      assertEquals(
          List.of(),
          files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
          "no checksum or hidden files");
    }
  }

  @Test
  void joinBackFindsEveryRequestOfAFlaggedHostInEveryFile() throws IOException {
    Path logs = tmp.resolve("logs");
    String browse =
        "surf.wil.net - - [22/Nov/1998:10:00:00 +0900] \"GET /index.html HTTP/1.0\" 200 99";
    String other =
        "ok.example.jp - - [22/Nov/1998:10:00:01 +0900] \"GET /index.html HTTP/1.0\" 200 99";
    LogFiles.gzip(logs.resolve("access_log.1.gz"), List.of(browse, other));
    LogFiles.plain(logs.resolve("access_log"), List.of(other, PHF, HANDLER));
    Path out = tmp.resolve("out");
    run(out, logs);

    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(List.of(browse, PHF, HANDLER), requests.stream().map(r -> r.get("line")).toList());
    assertEquals(
        List.of("false", "true", "true"), requests.stream().map(r -> r.get("probe")).toList());
    assertTrue(
        requests.get(0).get("source").endsWith("access_log.1.gz"), requests.get(0).toString());
    assertEquals("1", requests.get(0).get("line_no"));
  }

  @Test
  void everyLineOfEveryCodecAndArchiveIsCounted() throws IOException {
    Path logs = tmp.resolve("logs");
    List<String> two = List.of(PHF, HANDLER);
    LogFiles.gzip(logs.resolve("access_log.2.gz"), two, List.of(TEST_CGI));
    LogFiles.bzip2(logs.resolve("access_log.3.bz2"), two);
    LogFiles.xz(logs.resolve("access_log.4.xz"), two);
    LogFiles.zstd(logs.resolve("access_log.5.zst"), two);
    LogFiles.tarGz(
        logs.resolve("2025-10.tar.gz"),
        List.of("www/access_log", "www/error_log"),
        List.of(two, List.of("[error] x")));
    LogFiles.zip(
        logs.resolve("old.zip"), List.of("access.log"), List.of(List.of(PHF, "", "garbage")));
    Path out = tmp.resolve("out");
    run(out, logs);

    Map<String, Map<String, String>> bySource =
        CsvFiles.rows(out.resolve("inputs.csv")).stream()
            .collect(Collectors.toMap(r -> r.get("source").replaceAll("^.*/logs/", ""), r -> r));
    assertEquals(
        "3", bySource.get("access_log.2.gz").get("lines"), "both gzip members: " + bySource);
    assertEquals("gzip", bySource.get("access_log.2.gz").get("compression"));
    assertEquals("bzip2", bySource.get("access_log.3.bz2").get("compression"));
    assertEquals("xz", bySource.get("access_log.4.xz").get("compression"));
    assertEquals("zstd", bySource.get("access_log.5.zst").get("compression"));
    assertEquals("2", bySource.get("2025-10.tar.gz!www/access_log").get("parsed"));
    assertEquals("tar", bySource.get("2025-10.tar.gz!www/access_log").get("container"));
    assertEquals("skipped", bySource.get("2025-10.tar.gz!www/error_log").get("status"));
    Map<String, String> zip = bySource.get("old.zip!access.log");
    assertEquals(
        List.of("3", "1", "2"), List.of(zip.get("lines"), zip.get("parsed"), zip.get("rejected")));
    for (Map<String, String> row : bySource.values()) {
      assertEquals(
          Long.parseLong(row.get("lines")),
          Long.parseLong(row.get("parsed")) + Long.parseLong(row.get("rejected")),
          "lines = parsed + rejected: " + row);
    }
    List<Map<String, String>> rejects = CsvFiles.rows(out.resolve("rejects.csv"));
    assertEquals(
        List.of("empty", "2"),
        List.of(rejects.get(0).get("reason"), rejects.get(0).get("line_no")));
    assertEquals(
        12,
        CsvFiles.rows(out.resolve("requests.csv")).size(),
        "2+1+2+2+2+2+1 probes of surf.wil.net");
  }

  @Test
  void aTruncatedGzipIsReportedAndItsReadablePrefixKept() throws IOException {
    Path logs = tmp.resolve("logs");
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      lines.add(
          String.format(
              "10.0.%d.%d - - [01/Oct/2025:00:00:00 +0000] \"GET /p%d HTTP/1.1\" 200 %d",
              i / 250, i % 250, i, i));
    }
    byte[] whole = LogFiles.gzip(LogFiles.text(lines));
    Files.createDirectories(logs);
    Files.write(logs.resolve("access_log.1.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    LogFiles.plain(logs.resolve("access_log"), List.of(PHF));
    Path out = tmp.resolve("out");
    JobResult result = run(out, logs);

    assertTrue(result.damaged());
    Map<String, String> cut =
        CsvFiles.rows(out.resolve("inputs.csv")).stream()
            .filter(r -> r.get("source").endsWith("access_log.1.gz"))
            .findFirst()
            .orElseThrow();
    assertEquals("truncated", cut.get("status"), cut.toString());
    long read = Long.parseLong(cut.get("lines"));
    assertTrue(read > 0 && read < 2000, "a prefix was read: " + cut);
    assertEquals(
        1, CsvFiles.rows(out.resolve("hosts.csv")).size(), "the intact file is still read");
  }

  @Test
  void aReportWrittenInPiecesIsInOrderAndWhole() throws IOException {
    Path logs = tmp.resolve("logs");
    java.util.Random random = new java.util.Random(1998);
    List<String> expected = new java.util.ArrayList<>();
    for (int file = 0; file < 4; file++) {
      List<String> lines = new java.util.ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String host = "scan" + random.nextInt(20) + ".example.net";
        int second = random.nextInt(86_400);
        lines.add(
            String.format(
                "%s - - [01/Oct/2025:%02d:%02d:%02d +0900] \"GET /cgi-bin/phf?n=%d HTTP/1.0\" 404"
                    + " 1",
                host, second / 3600, second / 60 % 60, second % 60, i));
        lines.add("garbage line " + i);
      }
      LogFiles.gzip(logs.resolve("access_log." + file + ".gz"), lines);
      lines.stream().filter(l -> l.startsWith("scan")).forEach(expected::add);
    }
    Path out = tmp.resolve("out");
    // Past 100 rows the reports are written in pieces; keep all four sort partitions, so the
    // report really is joined from several.
    String coalesce = "spark.sql.adaptive.coalescePartitions.enabled";
    spark.conf().set(coalesce, false);
    spark.conf().set(Tuning.DRIVER_ROWS, "100");
    try {
      run(out, logs);
    } finally {
      spark.conf().unset(coalesce);
      spark.conf().unset(Tuning.DRIVER_ROWS);
    }

    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(expected.size(), requests.size());
    for (int i = 1; i < requests.size(); i++) {
      Map<String, String> a = requests.get(i - 1);
      Map<String, String> b = requests.get(i);
      int byHost = a.get("host").compareTo(b.get("host"));
      assertTrue(
          byHost < 0 || (byHost == 0 && a.get("time").compareTo(b.get("time")) <= 0),
          "row " + i + " out of order: " + a + " then " + b);
    }
    assertEquals(
        new java.util.TreeSet<>(expected),
        new java.util.TreeSet<>(requests.stream().map(r -> r.get("line")).toList()));
    assertEquals(2000, CsvFiles.rows(out.resolve("rejects.csv")).size());
    try (var files = Files.list(out)) {
      assertEquals(
          List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList());
    }
  }

  @Test
  void theSameInputGivesByteIdenticalReports() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    run(first, Path.of("data/sample"));
    run(second, Path.of("data/sample"));
    for (String report :
        List.of(
            "hosts.csv",
            "requests.csv",
            "inputs.csv",
            "rejects.csv",
            "campaigns.csv",
            "summary.json",
            "report.html",
            "notices/wil.net.en.eml",
            "notices/wil.net.ja.eml")) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(report)),
          Files.readAllBytes(second.resolve(report)),
          report);
    }
  }
}
