package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.Candidate;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.HostSet;
import org.probehunt.pass.FilePass;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassEvent;
import org.probehunt.pass.PassSettings;
import org.probehunt.pass.TimeWindow;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/**
 * The join back reads again only the files and archive members where the first pass may have missed
 * a flagged host's requests, for those hosts alone, and finds every request of every flagged host
 * exactly once: the same lines as reading every file for every flagged host.
 */
class JoinBackTest {
  private static final PassSettings SETTINGS =
      new PassSettings(
          null, ReadOptions.defaults(), RuleSet.defaults(), HostAllowList.NONE, TimeWindow.ALL);

  /** Probes in a.log.gz after a page; one plain request in b.log.bz2. */
  private static final String FETCHES_THEN_PROBES = "11.0.113.1";

  /** Probes in b.log.bz2 only, with a plain request in a.log.gz before it probed anywhere. */
  private static final String PROBES_ELSEWHERE = "11.0.113.2";

  /** Probes late in an archive member, after more plain requests than the first pass keeps. */
  private static final String PROBES_LATE = "scanner.example.net";

  @TempDir Path tmp;
  private final List<Candidate> files = new ArrayList<>();
  private String probed;
  private String rotated;
  private String archive;

  private static String line(String host, int second, String target) {
    return String.format(
        "%s - - [23/Nov/1998:19:%02d:%02d +0900] \"GET %s HTTP/1.0\" 200 44",
        host, second / 60 % 60, second % 60, target);
  }

  @BeforeEach
  void writeLogs() throws IOException {
    List<String> a = new ArrayList<>();
    a.add(line("reader.example.org", 0, "/index.html"));
    a.add(line(PROBES_ELSEWHERE, 1, "/index.html"));
    a.add(line(FETCHES_THEN_PROBES, 2, "/index.html"));
    a.add(line("reader.example.org", 3, "/about.html"));
    a.add(line(FETCHES_THEN_PROBES, 4, "/cgi-bin/phf?Qalias=x"));
    a.add(line(FETCHES_THEN_PROBES, 5, "/cgi-bin/test-cgi"));
    a.add(line(FETCHES_THEN_PROBES, 6, "/favicon.ico"));
    List<String> b = new ArrayList<>();
    b.add(line(FETCHES_THEN_PROBES, 7, "/robots.txt"));
    b.add(line(PROBES_ELSEWHERE, 8, "/cgi-bin/phf"));
    b.add(line(PROBES_ELSEWHERE, 9, "/index.html"));
    List<String> early = new ArrayList<>();
    for (int i = 0; i < 3 * FilePass.RECENT_REQUESTS; i++) {
      early.add(line(i % 7 == 0 ? PROBES_LATE : "reader" + i % 50 + ".example.org", i, "/p" + i));
    }
    early.add(line(PROBES_LATE, 59, "/cgi-bin/handler"));
    List<String> quiet = List.of(line("reader.example.org", 10, "/index.html"));
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    probed = add(LogFiles.gzip(logs.resolve("a.log.gz"), a));
    rotated = add(LogFiles.bzip2(logs.resolve("b.log.bz2"), b));
    archive =
        add(
            LogFiles.tarGz(
                logs.resolve("c.tar.gz"),
                List.of("early/access_log", "quiet/access_log"),
                List.of(early, quiet)));
    add(LogFiles.plain(logs.resolve("d.log"), quiet));
  }

  private String add(Path file) throws IOException {
    String path = file.toUri().toString();
    files.add(new Candidate(path, Files.size(file), true, "named on the command line"));
    return path;
  }

  @Test
  void readsAgainOnlyWhereAFlaggedHostMayHaveBeenMissedAndFindsEveryRequestOnce()
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> paths = files.stream().map(Candidate::path).toList();
    Passes passes =
        new Passes(
            jsc,
            List.of(List.copyOf(paths.subList(0, 2)), List.copyOf(paths.subList(2, 4))),
            new HadoopConf(spark.sparkContext().hadoopConfiguration()),
            SETTINGS);
    try {
      JavaRDD<PassEvent> events = passes.probes(passes.counters("scan")).cache();
      List<String> hosts = Findings.flag(spark, events, 1).map(r -> r.getString(0)).collect();
      assertEquals(
          List.of(FETCHES_THEN_PROBES, PROBES_ELSEWHERE, PROBES_LATE),
          hosts.stream().sorted().toList());

      JoinBack joinBack = JoinBack.plan(passes, events, hosts, files, 2);

      assertEquals(
          Set.of(source(probed), source(rotated), source(archive) + "!early/access_log"),
          joinBack.sources(),
          "each file, where a host probed in the other; the member whose scanner came early;"
              + " neither the quiet member nor d.log");
      assertEquals(3, joinBack.files());

      JavaRDD<Row> requests =
          joinBack.requests(passes, events, hosts, passes.counters("join back"));
      assertEquals(everyLineOf(hosts, paths), lines(requests));
      String lineage = requests.toDebugString();
      assertFalse(lineage.contains("ShuffledRDD"), "no shuffle of the requests:\n" + lineage);
      events.unpersist();
    } finally {
      passes.release();
    }
  }

  /** How the pass names the file {@code uri}. */
  private static String source(String uri) {
    return new org.apache.hadoop.fs.Path(uri).toString();
  }

  /** The oracle: every line of {@code hosts} in every file, read in full outside Spark. */
  private static List<String> everyLineOf(List<String> hosts, List<String> paths)
      throws IOException {
    List<String> lines = new ArrayList<>();
    try (FilePass pass =
        FilePass.requestsOf(new Configuration(), paths, SETTINGS, HostSet.of(hosts), n -> {})) {
      pass.forEachRemaining(
          e -> {
            LoggedRequest r = (LoggedRequest) e;
            lines.add(
                r.source()
                    + ":"
                    + r.lineNo()
                    + " "
                    + r.request().host()
                    + " "
                    + String.join(";", r.detection().ruleIds()));
          });
    }
    assertTrue(lines.size() > 3 * FilePass.RECENT_REQUESTS / 7, "lines: " + lines.size());
    return lines.stream().sorted().toList();
  }

  private static List<String> lines(JavaRDD<Row> requests) {
    return requests.collect().stream()
        .map(
            r ->
                r.getString(Rows.SOURCE)
                    + ":"
                    + r.getLong(Rows.LINE_NO)
                    + " "
                    + r.getString(Rows.HOST)
                    + " "
                    + (r.isNullAt(Rows.RULE) ? "" : r.getString(Rows.RULE)))
        .sorted()
        .toList();
  }
}
