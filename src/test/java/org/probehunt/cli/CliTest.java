package org.probehunt.cli;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/** The command line as a user meets it: exit codes, one-line errors, refusals. */
class CliTest {
  @TempDir Path tmp;

  /** What one invocation printed and returned. */
  record Outcome(int code, String out, String err) {
    String errLines() {
      return err.strip();
    }
  }

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  static Outcome probehunt(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static void assertOneLine(Outcome o, String expected) {
    assertEquals(1, o.errLines().lines().count(), "one line on stderr: " + o.err());
    assertTrue(o.err().contains(expected), "stderr names the problem: " + o.err());
  }

  @Test
  void runOnTheSampleExitsZeroAndSaysWhereTheReportsAre() {
    Path out = tmp.resolve("out");
    Outcome o = probehunt("run", "--out", out.toString(), "data/sample");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("1 hosts flagged"), o.out());
    assertTrue(Files.isRegularFile(out.resolve("hosts.csv")));
  }

  @Test
  void aNonEmptyReportFolderIsRefusedUnlessOverwriteIsGiven() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Outcome refused = probehunt("run", "--out", out.toString(), "data/sample");
    assertEquals(2, refused.code());
    assertOneLine(refused, "not empty");
    assertTrue(Files.exists(out.resolve("notes.txt")), "nothing was touched");

    // No summary.json: nothing shows that probehunt wrote this folder, so nothing is removed.
    Outcome overwritten = probehunt("run", "--out", out.toString(), "--overwrite", "data/sample");
    assertEquals(2, overwritten.code(), overwritten.err());
    assertOneLine(overwritten, "no summary.json");
    assertTrue(Files.exists(out.resolve("notes.txt")), "nothing was touched");
  }

  @Test
  void overwriteNeverEmptiesAFolderThatHoldsAnInput() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), List.of("x"));
    Files.writeString(logs.resolve("summary.json"), "{}");
    Outcome o = probehunt("run", "--out", logs.toString(), "--overwrite", logs.toString());
    assertEquals(2, o.code(), o.err());
    assertOneLine(o, "holds an input");
    assertTrue(Files.exists(logs.resolve("access_log")), "the log is still there");
  }

  @Test
  void badUsageIsOneLineAndExitCodeTwo() {
    assertOneLine(probehunt("run"), "PATH");
    assertEquals(2, probehunt("run").code());
    Outcome unknown = probehunt("run", "--frobnicate", "data/sample");
    assertEquals(2, unknown.code());
    assertOneLine(unknown, "--frobnicate");
    Outcome format =
        probehunt("run", "--format", "w3c", "--out", tmp.resolve("f").toString(), "data/sample");
    assertEquals(2, format.code());
    assertOneLine(format, "w3c");
    Outcome minProbes =
        probehunt("run", "--min-probes", "0", "--out", tmp.resolve("m").toString(), "data/sample");
    assertEquals(2, minProbes.code());
    assertOneLine(minProbes, "--min-probes");
    Outcome missing =
        probehunt(
            "run", "--out", tmp.resolve("x").toString(), tmp.resolve("no-such-dir").toString());
    assertEquals(2, missing.code(), missing.err());
    assertOneLine(missing, "no-such-dir");
  }

  @Test
  void aBadRuleFileNamesFileAndLine() throws IOException {
    Path rules = Files.writeString(tmp.resolve("my.rules"), "# nothing yet\nthis is not a rule\n");
    Outcome o =
        probehunt(
            "run",
            "--rules",
            rules.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "data/sample");
    assertEquals(2, o.code(), o.err());
    assertOneLine(o, "my.rules:2");
  }

  @Test
  void damagedInputExitsThreeAndFailsUnderStrict() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("access_log"),
        List.of("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44"));
    Files.write(
        logs.resolve("access_log.1.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
    Outcome damaged = probehunt("run", "--out", tmp.resolve("a").toString(), logs.toString());
    assertEquals(3, damaged.code(), damaged.err());
    assertTrue(damaged.err().contains("inputs.csv"), damaged.err());

    Outcome strict =
        probehunt("run", "--strict", "--out", tmp.resolve("b").toString(), logs.toString());
    assertEquals(1, strict.code(), strict.err());
    assertTrue(strict.err().contains("access_log.1.gz"), strict.err());
    assertTrue(Files.exists(tmp.resolve("b/inputs.csv")), "inputs.csv says what was damaged");
    assertFalse(Files.exists(tmp.resolve("b/.probehunt-staging")), "nothing hidden is left");
  }

  @Test
  void nestedArchivesAreSkippedAndTheConsoleCountsThem() throws IOException {
    Path logs = tmp.resolve("logs");
    String phf = "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44";
    LogFiles.tarGz(
        logs.resolve("2025-10.tar.gz"),
        List.of("www/access_log", "www/old-logs.tar.gz", "www/more.zip"),
        List.of(List.of(phf), List.of(phf), List.of(phf)));
    Path out = tmp.resolve("out");
    Outcome o = probehunt("run", "--out", out.toString(), logs.toString());
    assertEquals(0, o.code(), o.err());
    // The find line is printed before the archive is opened: it does not claim a final count.
    assertTrue(o.out().contains("find: 1 files to read, 0 skipped so far"), o.out());
    assertTrue(o.out().contains("scan: 1 lines in 1 inputs (2 skipped):"), o.out());
    assertTrue(o.out().contains("done: 1 lines read, 2 inputs skipped, 1 hosts flagged"), o.out());
    List<Map<String, String>> skipped =
        CsvFiles.rows(out.resolve("inputs.csv")).stream()
            .filter(r -> r.get("status").equals("skipped"))
            .toList();
    assertEquals(2, skipped.size(), skipped.toString());
    for (Map<String, String> row : skipped) {
      assertEquals("nested archive (not opened)", row.get("message"), row.toString());
    }
    assertTrue(
        Files.readString(out.resolve("summary.json")).contains("\"skipped_inputs\": 2"),
        Files.readString(out.resolve("summary.json")));
  }

  @Test
  void notifyHelpSaysWhatItDoes() {
    Outcome o = probehunt("notify", "--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("Drafts the notices again"), o.out());
  }

  @Test
  void helpListsTheExitCodes() {
    Outcome o = probehunt("run", "--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("Exit codes:"), o.out());
    assertTrue(o.out().contains("damaged"), o.out());
  }

  @Test
  void rulesListsTheDefaultRulesWithTheirReasons() {
    Outcome o = probehunt("rules", "--category", "all");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("cgi-phf"), o.out());
    Outcome disabled = probehunt("rules", "--category", "all", "--disable", "cgi-phf");
    assertFalse(disabled.out().contains("cgi-phf "), disabled.out());
  }

  @Test
  void loopbackClientsAndTheSitesOwnAbsoluteUrlsAreNotFlaggedUnlessAsked() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("access_log"),
        List.of(
            "127.0.0.1 - - [10/Oct/2025:13:55:36 +0900] \"GET /server-status?auto HTTP/1.1\" 200"
                + " 512 \"-\" \"monitor/1.0\"",
            "192.0.2.10 - - [10/Oct/2025:13:55:37 +0900] \"GET http://www.example.jp/ HTTP/1.1\""
                + " 200 512 \"-\" \"Mozilla/5.0\"",
            "192.0.2.11 - - [10/Oct/2025:13:55:38 +0900] \"GET /search?q=chmod+777+wget+http"
                + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\""));
    Outcome quiet =
        probehunt(
            "run",
            "--server-name",
            "www.example.jp",
            "--out",
            tmp.resolve("a").toString(),
            logs.toString());
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(quiet.out().contains(" 0 hosts flagged"), quiet.out());
    Outcome asked =
        probehunt(
            "run",
            "--flag-loopback",
            "--server-name",
            "other.example.org",
            "--out",
            tmp.resolve("b").toString(),
            logs.toString());
    assertEquals(0, asked.code(), asked.err());
    assertTrue(asked.out().contains(" 2 hosts flagged"), asked.out());
  }

  @Test
  void findShowsWhatWouldBeReadAndWhatSkipped() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), List.of("x"));
    LogFiles.plain(logs.resolve("error_log"), List.of("x"));
    Outcome o = probehunt("find", logs.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().lines().anyMatch(l -> l.startsWith("read") && l.contains("access_log")), o.out());
    assertTrue(
        o.out().lines().anyMatch(l -> l.startsWith("skip") && l.contains("error_log")), o.out());
  }

  @Test
  void findTellsWhatCannotBeReadAndWhy() throws Exception {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), List.of("x"));
    org.probehunt.testing.Folders.fifo(logs.resolve("access_log.pipe"));
    org.probehunt.testing.Folders.unlistable(logs.resolve("locked"));
    org.probehunt.testing.Bombs.paxBomb(logs.resolve("old.tar.gz"), List.of("x"), 200L << 20);
    Outcome o = probehunt("find", "--max-decoder-memory", "64", logs.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out()
            .lines()
            .anyMatch(l -> l.startsWith("skip") && l.contains("(not a regular file (FIFO))")),
        o.out());
    assertTrue(
        o.out()
            .lines()
            .anyMatch(l -> l.startsWith("fail") && l.contains("folder cannot be listed")),
        o.out());
    assertTrue(
        o.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("  fail")
                        && l.contains("old.tar.gz")
                        && l.contains("over the 1 MiB limit for headers")),
        o.out());

    Outcome bad = probehunt("find", "--max-decoder-memory", "0", logs.toString());
    assertEquals(2, bad.code(), bad.err());
    assertOneLine(bad, "--max-decoder-memory");
  }

  @Test
  void aBadActorsFileIsAOneLineErrorNamingItsLine() throws IOException {
    Path actors = tmp.resolve("actors.csv");
    Files.writeString(
        actors,
        "# name,how,text,url\nCampus Survey,useragent,CampusSurveyBot,https://a.example/\n");
    Outcome o =
        probehunt(
            "run",
            "--actors",
            actors.toString(),
            "--out",
            tmp.resolve("out").toString(),
            "data/sample");
    assertEquals(2, o.code(), o.err());
    assertOneLine(o, actors + ":2: expected agent or rdns in column 2, not 'useragent'");
    assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
  }

  @Test
  void includeAndExcludeChooseTheFilesRunReads() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("access_log"),
        List.of("11.0.113.1 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -"));
    LogFiles.plain(
        logs.resolve("other_vhosts_access.log"),
        List.of("11.0.113.2 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -"));
    LogFiles.plain(
        logs.resolve("web.txt"),
        List.of("11.0.113.3 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -"));
    Path out = tmp.resolve("out");
    Outcome o =
        probehunt(
            "run",
            "--out",
            out.toString(),
            "--include",
            "*.txt",
            "--exclude",
            "other_*",
            logs.toString());
    assertEquals(0, o.code(), o.err());
    List<String> hosts =
        org.probehunt.testing.CsvFiles.rows(out.resolve("hosts.csv")).stream()
            .map(r -> r.get("host"))
            .sorted()
            .toList();
    assertEquals(List.of("11.0.113.1", "11.0.113.3"), hosts, "the excluded log is not read");
  }

  @Test
  void notifyRebuildsTheDraftsFromAnEditedHostsFile() throws IOException {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("access_log"),
        List.of(
            "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44",
            "11.0.113.9 - - [23/Nov/1998:20:00:00 +0900] \"GET /cgi-bin/test-cgi\" 404 -"));
    Path out = tmp.resolve("out");
    assertEquals(0, probehunt("run", "--out", out.toString(), logs.toString()).code());
    assertTrue(
        Files.exists(out.resolve("notices/net_11-0-113-0_24.en.eml")), "a draft per IP host");

    Path hosts = out.resolve("hosts.csv");
    List<String> kept =
        Files.readAllLines(hosts).stream().filter(l -> !l.startsWith("11.0.113.9")).toList();
    Files.write(hosts, kept);
    Outcome o =
        probehunt(
            "notify",
            "--reports",
            out.toString(),
            "--from",
            "admin@myname.example",
            "--server-name",
            "www.myname.co.jp");
    assertEquals(0, o.code(), o.err());
    assertFalse(
        Files.exists(out.resolve("notices/net_11-0-113-0_24.en.eml")),
        "the removed host's drafts are gone");
    String draft = Files.readString(out.resolve("notices/wil.net.en.eml"));
    assertTrue(draft.contains("From: admin@myname.example"), draft);
    assertTrue(draft.contains("GET /cgi-bin/phf"), draft);
    assertEquals(1, org.probehunt.testing.CsvFiles.rows(out.resolve("domains.csv")).size());
  }

  @Test
  void notifyWithoutReportsIsAUsageError() {
    Outcome o = probehunt("notify", "--reports", tmp.resolve("nothing").toString());
    assertEquals(2, o.code(), o.err());
    assertOneLine(o, "hosts.csv");
    Outcome none = probehunt("notify", "--from", "admin@myname.example");
    assertEquals(2, none.code(), none.err());
    assertOneLine(none, "missing --reports");
  }

  @Test
  void notifyReadsTheOldSpellingOfTheReportFolderWithANote() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(0, probehunt("run", "--out", out.toString(), "data/sample").code());
    Path drafts = out.resolve("notices");
    String name = "wil.net.en.eml";
    Files.delete(drafts.resolve(name));

    // An old script: --from DIR for the folder and --sender for the address.
    Outcome old = probehunt("notify", "--from", out.toString(), "--sender", "admin@myname.example");
    assertEquals(0, old.code(), old.err());
    assertEquals(NotifyArguments.NOTE, old.errLines(), "one note, on stderr");
    String draft = Files.readString(drafts.resolve(name));
    assertTrue(draft.contains("From: admin@myname.example"), draft);

    Outcome current =
        probehunt("notify", "--reports", out.toString(), "--from", "admin@myname.example");
    assertEquals(0, current.code(), current.err());
    assertEquals("", current.err(), "no note for the current spelling");
    assertEquals(draft, Files.readString(drafts.resolve(name)), "the same draft both ways");
  }

  @Test
  void notifyNeverTakesAMissingFolderForAnAddressOrTheOtherWayRound() {
    // An old script whose folder is gone: not read as an address, and the error says why.
    Outcome gone = probehunt("notify", "--from", tmp.resolve("gone").toString());
    assertEquals(2, gone.code(), gone.err());
    assertOneLine(gone, "missing --reports");
    assertTrue(gone.err().contains(tmp.resolve("gone").toString()), gone.err());

    Outcome twice =
        probehunt(
            "notify",
            "--reports",
            tmp.toString(),
            "--from",
            "a@myname.example",
            "--sender",
            "b@myname.example");
    assertEquals(2, twice.code(), twice.err());
    assertOneLine(twice, "--from and --sender");

    // With --reports given, --from is an address even when a folder has that name.
    Outcome folder = probehunt("notify", "--reports", tmp.toString(), "--from", tmp.toString());
    assertEquals(2, folder.code(), folder.err());
    assertOneLine(folder, "bad from address");
  }
}
