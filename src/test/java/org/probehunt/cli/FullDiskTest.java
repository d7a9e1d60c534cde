package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.FullDiskFileSystem;
import org.probehunt.testing.SparkTestSession;

/**
 * A disk that fills up while the reports are written: one line naming the folder, exit 1, no stack
 * trace, and nothing hidden left behind. The disk is the local one under a {@code full:} file
 * system whose writes fail as Hadoop's do on a full disk.
 */
class FullDiskTest {
  private static final Pattern DEFAULT = FullDiskFileSystem.failing;

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  @AfterEach
  void restore() {
    FullDiskFileSystem.failing = DEFAULT;
    SparkTestSession.get().conf().unset("spark.probehunt.driverRows");
  }

  private void assertToldInOneLine(Outcome o, String folder) throws IOException {
    assertEquals(1, o.code(), o.err());
    List<String> lines = o.err().strip().lines().toList();
    assertEquals(1, lines.size(), "one line, no trace: " + o.err());
    assertTrue(lines.get(0).startsWith("probehunt: no space left on device"), o.err());
    assertTrue(lines.get(0).contains(folder), "names the folder: " + o.err());
    Path out = tmp.resolve("out");
    if (!Files.exists(out)) {
      return; // the folder the run made for itself went with the lock
    }
    try (Stream<Path> left = Files.list(out)) {
      List<String> hidden =
          left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "no lock and no pieces left behind");
    }
  }

  @Test
  void aDiskFullOnTheDriverIsOneLineNamingTheReportFolder() throws IOException {
    String folder = "full://" + tmp.resolve("out").toAbsolutePath();
    assertToldInOneLine(probehunt("run", "--out", folder, "data/sample"), folder);
  }

  @Test
  void aDiskFullInTheTasksThatWritePiecesIsToldTheSameWay() throws IOException {
    // Every table large enough to be written by the tasks, in pieces, and only pieces fail.
    SparkSession spark = SparkTestSession.get();
    spark.conf().set("spark.probehunt.driverRows", "0");
    FullDiskFileSystem.failing = Pattern.compile("piece-.*");
    String folder = "full://" + tmp.resolve("out").toAbsolutePath();
    assertToldInOneLine(probehunt("run", "--out", folder, "data/sample"), folder);
  }

  @Test
  void aRunThatFailsLeavesTheEarlierRunsReportsWhole() throws IOException {
    String folder = "full://" + tmp.resolve("out").toAbsolutePath();
    FullDiskFileSystem.failing = Pattern.compile("(?!)"); // room enough, at first
    Outcome first = probehunt("run", "--out", folder, "data/sample");
    assertEquals(0, first.code(), first.err());
    byte[] hosts = Files.readAllBytes(tmp.resolve("out/hosts.csv"));
    byte[] summary = Files.readAllBytes(tmp.resolve("out/summary.json"));
    byte[] draft = Files.readAllBytes(tmp.resolve("out/notices/wil.net.en.eml"));

    SparkTestSession.get().conf().set("spark.probehunt.driverRows", "0");
    FullDiskFileSystem.failing = Pattern.compile("piece-.*");
    Outcome second = probehunt("run", "--overwrite", "--out", folder, "data/sample");
    assertToldInOneLine(second, folder);
    assertArrayEquals(hosts, Files.readAllBytes(tmp.resolve("out/hosts.csv")));
    assertArrayEquals(summary, Files.readAllBytes(tmp.resolve("out/summary.json")));
    assertArrayEquals(draft, Files.readAllBytes(tmp.resolve("out/notices/wil.net.en.eml")));
  }

  @Test
  void aNotifyThatFailsLeavesTheEarlierNoticesWhole() throws IOException {
    String folder = "full://" + tmp.resolve("out").toAbsolutePath();
    FullDiskFileSystem.failing = Pattern.compile("(?!)");
    Outcome run = probehunt("run", "--out", folder, "data/sample");
    assertEquals(0, run.code(), run.err());
    byte[] domains = Files.readAllBytes(tmp.resolve("out/domains.csv"));
    byte[] draft = Files.readAllBytes(tmp.resolve("out/notices/wil.net.en.eml"));

    FullDiskFileSystem.failing = Pattern.compile(".*\\.eml.*");
    Outcome notify = probehunt("notify", "--reports", folder, "--admin", "Someone Else");
    assertToldInOneLine(notify, folder);
    assertArrayEquals(domains, Files.readAllBytes(tmp.resolve("out/domains.csv")));
    assertArrayEquals(draft, Files.readAllBytes(tmp.resolve("out/notices/wil.net.en.eml")));

    FullDiskFileSystem.failing = Pattern.compile("(?!)");
    Outcome again = probehunt("notify", "--reports", folder, "--admin", "Someone Else");
    assertEquals(0, again.code(), again.err());
    assertTrue(
        Files.readString(tmp.resolve("out/notices/wil.net.en.eml")).contains("Someone Else"),
        "a notify that succeeds replaces the drafts");
    assertTrue(Files.exists(tmp.resolve("out/hosts.csv")), "and nothing else");
  }

  @Test
  void aFullLocalDiskIsNamedWithWhatIsFree() {
    String line = DiskFull.describe(tmp.resolve("out").toString());
    assertTrue(line.startsWith("no space left on device in "), line);
    assertTrue(line.contains(" MiB free)"), line);
  }

  @Test
  void theCauseIsFoundInsideATasksMessage() {
    Exception spark =
        new RuntimeException(
            "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent"
                + " failure: org.apache.hadoop.fs.FSError: java.io.IOException: No space left on"
                + " device\n\tat ...");
    assertTrue(DiskFull.isCause(new IOException("writing", spark)));
    assertFalse(DiskFull.isCause(new IOException("Permission denied")));
  }
}
