package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.input.Fixtures.ascii;
import static org.probehunt.input.Fixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding log files under directories and globs, with include and exclude patterns. */
class DiscoveryTest {

  @TempDir Path dir;

  private String root;

  @BeforeEach
  void tree() throws IOException {
    for (String name :
        List.of(
            "www/access_log",
            "www/access_log.1",
            "www/access_log.2.gz",
            "www/access_log-20251001.gz",
            "www/error_log",
            "www/index.html",
            "www/.DS_Store",
            "www/_SUCCESS",
            "ssl/ssl_access_log",
            "ssl/other_vhosts_access.log.2025-10-01.bz2",
            "old/2024.tar.gz",
            "old/site.log",
            "old/notes.txt",
            ".git/access_log")) {
      write(dir, name, ascii(name + "\n"));
    }
    Files.createDirectories(dir.resolve("empty"));
    root = Fixtures.hadoop(dir).toString();
  }

  private Map<String, String> discover(
      List<String> paths, List<String> includes, List<String> excludes) throws IOException {
    Map<String, String> result = new LinkedHashMap<>();
    for (Candidate c : Discovery.discover(new Configuration(), paths, includes, excludes)) {
      assertTrue(c.path().startsWith("file:"), c.path());
      String relative =
          c.path()
              .substring(c.path().indexOf(dir.getFileName().toString()))
              .replaceFirst("^[^/]+/?", "");
      String status =
          c.read() ? "read: " : c.status() == EntryStatus.SKIPPED ? "skip: " : "unreadable: ";
      result.put(relative, status + c.reason());
    }
    return result;
  }

  @Test
  void directoryWalkJudgesNames() throws IOException {
    Map<String, String> found = discover(List.of(root), List.of(), List.of());
    Map<String, String> want = new LinkedHashMap<>();
    want.put(".git", "skip: hidden directory");
    want.put("empty", "skip: empty directory");
    want.put("old/2024.tar.gz", "read: archive");
    want.put("old/notes.txt", "skip: not an access log name");
    want.put("old/site.log", "skip: not an access log name");
    want.put("ssl/other_vhosts_access.log.2025-10-01.bz2", "read: access log name");
    want.put("ssl/ssl_access_log", "read: access log name");
    want.put("www/.DS_Store", "skip: hidden file");
    want.put("www/_SUCCESS", "skip: hidden file");
    want.put("www/access_log", "read: access log name");
    want.put("www/access_log-20251001.gz", "read: access log name");
    want.put("www/access_log.1", "read: access log name");
    want.put("www/access_log.2.gz", "read: access log name");
    want.put("www/error_log", "skip: not an access log name");
    want.put("www/index.html", "skip: not an access log name");
    assertEquals(want, found);
  }

  @Test
  void includeAddsNamesAndExcludeWins() throws IOException {
    Map<String, String> found =
        discover(
            List.of(root + "/old", root + "/www"),
            List.of("*.log", "*.txt"),
            List.of("*.txt", "*/www/*.gz"));
    assertEquals("read: included by --include *.log", found.get("old/site.log"));
    assertEquals("skip: excluded by --exclude *.txt", found.get("old/notes.txt"));
    assertEquals("skip: excluded by --exclude */www/*.gz", found.get("www/access_log.2.gz"));
    assertEquals("read: access log name", found.get("www/access_log.1"));
  }

  @Test
  void excludedDirectoryIsNotWalked() throws IOException {
    Map<String, String> found = discover(List.of(root), List.of(), List.of("old"));
    assertEquals("skip: excluded by --exclude old", found.get("old"));
    assertEquals(false, found.containsKey("old/2024.tar.gz"));
  }

  @Test
  void namedFilesAreAlwaysReadAndGlobsMatchFiles() throws IOException {
    Map<String, String> found =
        discover(
            List.of(root + "/www/error_log", root + "/*/access_log*", root + "/www/index.html"),
            List.of(),
            List.of("*-2025*"));
    Map<String, String> want = new LinkedHashMap<>();
    want.put(".git/access_log", "skip: in hidden directory .git");
    want.put("www/access_log", "read: " + Discovery.GLOBBED);
    want.put("www/access_log-20251001.gz", "skip: excluded by --exclude *-2025*");
    want.put("www/access_log.1", "read: " + Discovery.GLOBBED);
    want.put("www/access_log.2.gz", "read: " + Discovery.GLOBBED);
    want.put("www/error_log", "read: " + Discovery.NAMED);
    want.put("www/index.html", "read: " + Discovery.NAMED);
    assertEquals(want, found);
  }

  @Test
  void sameFileFoundTwiceIsListedOnceAsRead() throws IOException {
    Map<String, String> found =
        discover(List.of(root + "/www", root + "/www/error_log"), List.of(), List.of());
    assertEquals("read: " + Discovery.NAMED, found.get("www/error_log"));
    assertEquals(8, found.size());
  }

  @Test
  void aFolderReachedThroughLinksIsWalkedOnceAndLoopsEnd() throws IOException {
    Path logs = dir.resolve("logs");
    write(logs, "2025-10/access_log", ascii("x\n"));
    write(logs, "a/access_log", ascii("x\n"));
    Files.createSymbolicLink(logs.resolve("current"), logs.resolve("2025-10"));
    Files.createSymbolicLink(logs.resolve("a/up"), Path.of(".."));
    Files.createSymbolicLink(logs.resolve("2025-10/loop"), Path.of(".."));
    Files.createSymbolicLink(logs.resolve("latest_access_log"), logs.resolve("a/access_log"));
    Map<String, String> found =
        discover(List.of(root + "/logs", root + "/logs/current"), List.of(), List.of());
    String logsPath = "file:" + logs;
    Map<String, String> want = new LinkedHashMap<>();
    want.put("logs/2025-10/access_log", "read: access log name");
    want.put("logs/2025-10/loop", "skip: the same folder as " + logsPath + ", read there once");
    want.put("logs/a/access_log", "read: access log name");
    want.put("logs/a/up", "skip: the same folder as " + logsPath + ", read there once");
    want.put("logs/current", "skip: the same folder as " + logsPath + "/2025-10, read there once");
    want.put(
        "logs/latest_access_log",
        "skip: the same file as " + logsPath + "/a/access_log, read there once");
    assertEquals(want, found);
  }

  @Test
  void onlyRegularFilesAreReadAndEveryOtherPathHasItsReason() throws Exception {
    Path logs = dir.resolve("logs");
    write(logs, "access_log", ascii("x\n"));
    Files.createSymbolicLink(logs.resolve("access_log.1"), logs.resolve("rotated-away"));
    org.probehunt.testing.Folders.fifo(logs.resolve("access_log.pipe"));
    org.probehunt.testing.Folders.latin1Name(logs, "access_log.caf", "x\n");
    Map<String, String> found = discover(List.of(root + "/logs"), List.of(), List.of());
    assertEquals("read: access log name", found.get("logs/access_log"));
    assertTrue(
        found.get("logs/access_log.1").startsWith("skip: dangling symbolic link to "),
        found.toString());
    assertEquals("skip: not a regular file (FIFO)", found.get("logs/access_log.pipe"));
    String latin1 =
        found.keySet().stream()
            .filter(k -> k.startsWith("logs/access_log.caf"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        found.get(latin1).startsWith("unreadable: file name is not valid"), found.toString());
    Candidate zero =
        Discovery.discover(new Configuration(), List.of("/dev/zero"), List.of(), List.of()).get(0);
    assertEquals("not a regular file (character device)", zero.reason());
    assertEquals(false, zero.read());
  }

  @Test
  void aFolderThatCannotBeListedIsReportedAndTheRestRead() throws IOException {
    Path logs = dir.resolve("logs");
    write(logs, "access_log", ascii("x\n"));
    Path locked = org.probehunt.testing.Folders.unlistable(logs.resolve("locked"));
    Map<String, String> found = discover(List.of(root + "/logs"), List.of(), List.of());
    assertEquals("read: access log name", found.get("logs/access_log"));
    assertTrue(
        found.get("logs/locked").startsWith("unreadable: folder cannot be listed"),
        found.toString());
    assertEquals(2, found.size(), found.toString());
    assertTrue(Files.exists(locked, java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void missingPathOrEmptyGlobIsAnError() {
    MissingInputException missing =
        assertThrows(
            MissingInputException.class,
            () -> discover(List.of(root + "/nope"), List.of(), List.of()));
    assertEquals(root + "/nope", missing.input());
    assertTrue(missing.getMessage().contains("/nope'"), missing.getMessage());
    assertThrows(
        MissingInputException.class,
        () -> discover(List.of(root + "/www/*.zip"), List.of(), List.of()));
  }

  @Test
  void malformedGlobIsABadArgument() {
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> discover(List.of(root), List.of("[a-"), List.of()));
    assertTrue(bad.getMessage().contains("[a-"), bad.getMessage());
  }
}
