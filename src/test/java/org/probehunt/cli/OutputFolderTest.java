package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/** --overwrite and notify --out never remove an input or a file probehunt did not write. */
class OutputFolderTest {
  private static final List<String> LOG =
      List.of("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44");

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  private static void assertRefused(Outcome o, String expected) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), "one line on stderr: " + o.err());
    assertTrue(o.err().contains(expected), "stderr names the problem: " + o.err());
    assertTrue(o.err().startsWith("probehunt: --out "), "stderr names the option: " + o.err());
  }

  @Test
  void anOutFolderLinkedToTheInputFolderIsRefused() throws IOException {
    Path logs = tmp.resolve("t/logs");
    LogFiles.plain(logs.resolve("access_log"), LOG);
    // As if reports had been written there before: only the input check stands in the way.
    Files.writeString(logs.resolve("summary.json"), "{}");
    Path out = Files.createSymbolicLink(tmp.resolve("t/out"), logs);
    Outcome o = probehunt("run", "--overwrite", "--out", out.toString(), logs.toString());
    assertRefused(o, "holds an input");
    assertEquals(List.of("access_log", "summary.json"), names(logs), "the folder is untouched");
  }

  @Test
  void anInputFolderLinkedToTheOutFolderIsRefused() throws IOException {
    Path out = tmp.resolve("t/out");
    LogFiles.plain(out.resolve("access_log"), LOG);
    Files.writeString(out.resolve("summary.json"), "{}");
    Path logs = Files.createSymbolicLink(tmp.resolve("t/logs"), out);
    Outcome o = probehunt("run", "--overwrite", "--out", out.toString(), logs.toString());
    assertRefused(o, "holds an input");
    assertEquals(List.of("access_log", "summary.json"), names(out), "the folder is untouched");
  }

  @Test
  void anInputLinkedIntoTheOutFolderByAParentLinkIsRefused() throws IOException {
    Path logs = tmp.resolve("site/logs");
    LogFiles.plain(logs.resolve("access_log"), LOG);
    Files.writeString(tmp.resolve("site/summary.json"), "{}");
    Path site = Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("site"));
    Outcome o =
        probehunt(
            "run", "--overwrite", "--out", site.toString(), logs.resolve("access_log").toString());
    assertRefused(o, "holds an input");
    assertTrue(Files.exists(logs.resolve("access_log")));
  }

  @Test
  void anOutFolderInsideAnInputFolderIsRefusedWithOverwrite() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), LOG);
    Path reports = logs.resolve("reports");
    assertEquals(0, probehunt("run", "--out", reports.toString(), logs.toString()).code());
    Path linked = Files.createSymbolicLink(tmp.resolve("reports-link"), reports);
    Outcome o = probehunt("run", "--overwrite", "--out", linked.toString(), logs.toString());
    assertRefused(o, "lies inside the input folder");
    assertTrue(Files.exists(reports.resolve("summary.json")), "nothing was removed");
  }

  @Test
  void aFolderWithoutAnEarlierRunsSummaryIsNeverEmptied() throws IOException {
    Path mine = tmp.resolve("mine");
    LogFiles.plain(mine.resolve("access_log"), LOG);
    Files.writeString(mine.resolve("hosts.csv"), "a spreadsheet of the user's own");
    Path out = Files.createSymbolicLink(tmp.resolve("out"), mine);
    Outcome o = probehunt("run", "--overwrite", "--out", out.toString(), "data/sample");
    assertRefused(o, "no summary.json");
    assertEquals(List.of("access_log", "hosts.csv"), names(mine));
  }

  @Test
  void overwriteReplacesAnEarlierRunsReportsAndKeepsEverythingElse() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), LOG);
    Path out = tmp.resolve("out");
    assertEquals(0, probehunt("run", "--out", out.toString(), logs.toString()).code());
    Files.writeString(out.resolve("notes.txt"), "mine");
    Files.createDirectories(out.resolve("archive"));
    Files.writeString(out.resolve("archive/access_log"), "kept");
    Files.writeString(out.resolve("notices/stale.en.eml"), "from an earlier run");

    Outcome o = probehunt("run", "--overwrite", "--out", out.toString(), logs.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    assertEquals("kept", Files.readString(out.resolve("archive/access_log")));
    assertFalse(Files.exists(out.resolve("notices/stale.en.eml")), "the old notices are replaced");
    assertEquals(1, CsvFiles.rows(out.resolve("hosts.csv")).size());
    assertTrue(Files.exists(out.resolve("summary.json")));
  }

  @Test
  void notifyRefusesAnotherFolderThatHoldsFiles() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), LOG);
    Path reports = tmp.resolve("reports");
    assertEquals(0, probehunt("run", "--out", reports.toString(), logs.toString()).code());
    Path elsewhere = tmp.resolve("elsewhere");
    Files.createDirectories(elsewhere.resolve("notices"));
    Files.writeString(elsewhere.resolve("notices/letter.txt"), "mine");

    String[] args = {"notify", "--reports", reports.toString(), "--out", elsewhere.toString()};
    assertRefused(probehunt(args), "not empty");
    Outcome overwrite =
        probehunt(
            "notify",
            "--reports",
            reports.toString(),
            "--out",
            elsewhere.toString(),
            "--overwrite");
    assertRefused(overwrite, "no reports");
    assertEquals("mine", Files.readString(elsewhere.resolve("notices/letter.txt")));

    Path linked = Files.createSymbolicLink(tmp.resolve("linked"), reports);
    Outcome same = probehunt("notify", "--reports", reports.toString(), "--out", linked.toString());
    assertEquals(0, same.code(), "the --reports folder's own notices are replaced: " + same.err());
    Path fresh = tmp.resolve("fresh");
    Outcome elsewhereOk =
        probehunt("notify", "--reports", reports.toString(), "--out", fresh.toString());
    assertEquals(0, elsewhereOk.code(), elsewhereOk.err());
    assertTrue(Files.exists(fresh.resolve("notices/wil.net.en.eml")));
    Outcome again =
        probehunt(
            "notify", "--reports", reports.toString(), "--out", fresh.toString(), "--overwrite");
    assertEquals(0, again.code(), "notify's own output may be replaced: " + again.err());
  }

  private static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
