package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.Folders;
import org.probehunt.testing.LogFiles;

/**
 * A log tree as archives collect them: links to parent and sibling folders, a FIFO, a dangling
 * link, a name in Latin-1, a folder nobody may list. The run ends, counts every line once, and
 * gives every path it did not read a row in inputs.csv.
 */
class HostileFoldersTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theRunEndsCountsEachLineOnceAndReportsEveryPathNotRead() throws Exception {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("2025-10/access_log"),
        List.of(
            "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -",
            "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -",
            "surf.wil.net - - [23/Nov/1998:19:52:19 +0900] \"GET /index.html\" 200 100",
            "www.example.jp - - [23/Nov/1998:19:53:00 +0900] \"GET /index.html\" 200 100"));
    Files.createSymbolicLink(logs.resolve("current"), Path.of("2025-10"));
    Files.createSymbolicLink(logs.resolve("2025-10/up"), Path.of(".."));
    Files.createDirectories(logs.resolve("a/b"));
    Files.createSymbolicLink(logs.resolve("a/up"), Path.of(".."));
    Files.createSymbolicLink(logs.resolve("a/b/top"), Path.of("../.."));
    Folders.fifo(logs.resolve("access_log.pipe"));
    Files.createSymbolicLink(logs.resolve("access_log.1"), Path.of("rotated-away"));
    Folders.latin1Name(logs, "access_log.caf", "x\n");
    Folders.unlistable(logs.resolve("locked"));

    Path out = tmp.resolve("out");
    Runs.Outcome run = Runs.run(out, List.of(), logs);
    assertEquals(3, run.code(), "the folder nobody may list is damage: " + run);
    assertEquals(1, run.errLines().size(), run.toString());

    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals("2", hosts.get("surf.wil.net").get("probes"), hosts.toString());
    assertEquals("3", hosts.get("surf.wil.net").get("requests"), hosts.toString());
    assertEquals(3, CsvFiles.rows(out.resolve("requests.csv")).size());

    Map<String, String> status = new java.util.TreeMap<>();
    for (Map<String, String> r : CsvFiles.rows(out.resolve("inputs.csv"))) {
      String source = r.get("source");
      status.put(
          source.substring(source.indexOf("/logs/") + 6),
          r.get("status") + ": " + r.get("message"));
    }
    assertTrue(status.get("2025-10/access_log").startsWith("ok"), status.toString());
    assertTrue(status.get("current").startsWith("skipped: the same folder as"), status.toString());
    assertTrue(
        status.get("2025-10/up").startsWith("skipped: the same folder as"), status.toString());
    assertTrue(status.get("a/up").startsWith("skipped: the same folder as"), status.toString());
    assertTrue(status.get("a/b/top").startsWith("skipped: the same folder as"), status.toString());
    assertEquals("skipped: not a regular file (FIFO)", status.get("access_log.pipe"));
    assertTrue(
        status.get("access_log.1").startsWith("skipped: dangling symbolic link"),
        status.toString());
    assertTrue(
        status.get("locked").startsWith("unreadable: folder cannot be listed"), status.toString());
    assertTrue(
        status.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().startsWith("access_log.caf")
                        && e.getValue().startsWith("unreadable: file name")),
        status.toString());
    assertEquals(9, status.size(), status.toString());
  }
}
