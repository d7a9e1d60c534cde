package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/** Odd invocations as users type them: options that narrow the run, and one-line errors. */
class CliAcceptanceTest {
  @TempDir static Path tmp;
  static Path logs;
  static int outs;

  static final String UA = "\"-\" \"Mozilla/5.0\"";

  @BeforeAll
  static void writeLogs() throws Exception {
    logs = tmp.resolve("logs");
    LogFiles.plain(
        logs.resolve("web1/access_log"),
        List.of(
            "11.51.100.1 - - [30/Sep/2025:23:00:00 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 10 "
                + UA,
            "11.51.100.2 - - [30/Sep/2025:23:00:01 +0900] \"GET /.env HTTP/1.1\" 404 10 " + UA,
            "11.51.100.2 - - [01/Oct/2025:10:00:00 +0900] \"GET /.git/config HTTP/1.1\" 404 10 "
                + UA,
            "11.0.113.9 - - [01/Oct/2025:10:00:02 +0900] \"GET /cgi-bin/test-cgi HTTP/1.0\" 404 10 "
                + UA,
            "11.0.113.9 - - [01/Oct/2025:10:00:03 +0900] \"GET / HTTP/1.0\" 200 10 " + UA,
            "11.0.2.5 - - [01/Oct/2025:10:00:04 +0900] \"GET /index.html HTTP/1.1\" 200 10 " + UA));
    LogFiles.gzip(
        logs.resolve("web2/access_log.1.gz"),
        List.of(
            "2a00:db8::7 - - [02/Oct/2025:00:30:00 +0900] \"GET /phpmyadmin/ HTTP/1.1\" 404 10 "
                + UA,
            "2a00:db8::7 - - [02/Oct/2025:00:30:01 +0900] \"GET /manager/html HTTP/1.1\" 404 10 "
                + UA,
            "11.0.2.6 - - [02/Oct/2025:00:30:02 +0900] \"GET / HTTP/1.1\" 200 10 " + UA));
    Files.writeString(logs.resolve("web2/README.txt"), "not a log\n");
  }

  static Path out() {
    return tmp.resolve("out" + (++outs));
  }

  static Set<String> flagged(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("hosts.csv")).stream()
        .map(r -> r.get("host"))
        .collect(Collectors.toSet());
  }

  static void assertUsage(Runs.Outcome o, String... named) {
    assertEquals(2, o.code(), o.toString());
    assertEquals(1, o.errLines().size(), "one line: " + o);
    for (String n : named) {
      assertTrue(o.err().contains(n), "names " + n + ": " + o);
    }
  }

  @Test
  void aPlainRunFlagsTheFourProbers() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.run(out, List.of(), logs);
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.1", "11.51.100.2", "11.0.113.9", "2a00:db8::7"), flagged(out));
  }

  @Test
  void aMissingPathIsOneLineNamingIt() {
    Path missing = tmp.resolve("no-such-dir/access_log");
    assertUsage(Runs.run(out(), List.of(), missing), "no-such-dir");
  }

  @Test
  void aGlobOverFoldersReadsThemRecursively() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.probehunt("run", "--quiet", "--out", out.toString(), logs + "/web*");
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.1", "11.51.100.2", "11.0.113.9", "2a00:db8::7"), flagged(out));
  }

  @Test
  void aGlobMatchingNothingIsOneLine() {
    assertUsage(
        Runs.probehunt("run", "--quiet", "--out", out().toString(), logs + "/nothing-*"),
        "nothing-*");
  }

  @Test
  void sinceAndUntilKeepOnlyTheWindowInTheLogsOwnClock() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.run(out, List.of("--since", "2025-10-01", "--until", "2025-10-01"), logs);
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.2", "11.0.113.9"), flagged(out));
    for (Map<String, String> r : CsvFiles.rows(out.resolve("requests.csv"))) {
      assertEquals(
          LocalDate.of(2025, 10, 1),
          OffsetDateTime.parse(r.get("time")).toLocalDate(),
          r.toString());
    }
    assertUsage(Runs.run(out(), List.of("--since", "yesterday"), logs), "yesterday");
  }

  @Test
  void allowNeverFlagsTheNetwork() throws Exception {
    Path out = out();
    Runs.Outcome o =
        Runs.run(out, List.of("--allow", "11.51.100.0/24", "--allow", "2a00:db8::/32"), logs);
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.0.113.9"), flagged(out));
    assertUsage(Runs.run(out(), List.of("--allow", "11.51.100.0/33"), logs), "11.51.100.0/33");
  }

  @Test
  void minProbesTwoKeepsHostsWithTwoProbes() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.run(out, List.of("--min-probes", "2"), logs);
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.2", "2a00:db8::7"), flagged(out));
    assertUsage(Runs.run(out(), List.of("--min-probes", "two"), logs), "two");
  }

  @Test
  void disableTurnsOneRuleOff() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.run(out, List.of("--disable", "cgi-phf"), logs);
    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.2", "11.0.113.9", "2a00:db8::7"), flagged(out));
    assertUsage(Runs.run(out(), List.of("--disable", "no-such-rule"), logs), "no-such-rule");
  }

  @Test
  void aForcedFormatIsUsedForEveryFile() throws Exception {
    Path out = out();
    Runs.Outcome o = Runs.run(out, List.of("--format", "vhost_combined"), logs.resolve("web1"));
    List<Map<String, String>> inputs = CsvFiles.rows(out.resolve("inputs.csv"));
    assertEquals(1, inputs.size(), inputs.toString());
    assertEquals("vhost_combined", inputs.get(0).get("format"));
    assertEquals(
        "6", inputs.get(0).get("rejected"), "combined lines are not vhost_combined: " + inputs);
    assertEquals(0, o.code(), o.toString());
    assertUsage(Runs.run(out(), List.of("--format", "w3c"), logs), "w3c");
  }

  @Test
  void findShowsWhatIsReadAndWhatIsSkipped() {
    Runs.Outcome o = Runs.probehunt("find", logs.toString());
    assertEquals(0, o.code(), o.toString());
    assertTrue(o.out().contains("access_log.1.gz") && o.out().contains("web1/access_log"), o.out());
    assertTrue(
        o.out().contains("README.txt"), "skipped files are shown with the reason: " + o.out());
    assertUsage(Runs.probehunt("find", tmp.resolve("nope").toString()), "nope");
  }

  @Test
  void rulesListsTheDefaults() {
    Runs.Outcome counts = Runs.probehunt("rules");
    assertEquals(0, counts.code(), counts.toString());
    assertTrue(counts.out().lines().anyMatch(l -> l.contains("legacy-cgi")), counts.out());
    Runs.Outcome o = Runs.probehunt("rules", "--category", "all");
    assertEquals(0, o.code(), o.toString());
    for (String id :
        List.of(
            "cgi-phf",
            "cgi-test-cgi",
            "cgi-handler",
            "secrets-dotenv",
            "log4shell-jndi",
            "shellshock")) {
      assertTrue(o.out().contains(id), id);
    }
  }

  @Test
  void aBadRuleFileIsOneLineNamingFileAndLine() throws Exception {
    Path rules = tmp.resolve("bad.rules");
    Files.writeString(
        rules, "rule x-1\n  category custom-test\n  field nowhere\n  match exact\n  pattern /a\n");
    assertUsage(
        Runs.run(out(), List.of("--rules", rules.toString()), logs), "bad.rules:3:", "nowhere");
    assertUsage(
        Runs.run(out(), List.of("--rules", tmp.resolve("missing.rules").toString()), logs),
        "missing.rules");
  }

  @Test
  void aBadContactsFileIsOneLine() throws Exception {
    Path contacts = tmp.resolve("contacts.csv");
    Files.writeString(contacts, "11.51.100.0/24,abuse@example.net\nnot-a-cidr/99,nobody\n");
    assertUsage(Runs.run(out(), List.of("--contacts", contacts.toString()), logs), "contacts.csv");
  }

  @Test
  void notifyRedraftsFromEditedReports() throws Exception {
    Path out = out();
    assertEquals(0, Runs.run(out, List.of(), logs).code());
    Path hosts = out.resolve("hosts.csv");
    List<String> kept =
        Files.readAllLines(hosts).stream().filter(l -> !l.startsWith("11.51.100.1,")).toList();
    Files.write(hosts, kept);
    Runs.Outcome o =
        Runs.probehunt(
            "notify",
            "--reports",
            out.toString(),
            "--server-name",
            "www.myname.co.jp",
            "--admin",
            "Suzuki",
            "--from",
            "admin@myname.co.jp");
    assertEquals(0, o.code(), o.toString());
    // Without registry data the two addresses share their /24's draft: only the kept one is in it.
    String draft =
        org.probehunt.testing.Mails.body(
            org.probehunt.testing.Mails.read(out.resolve("notices/net_11-51-100-0_24.en.eml")));
    assertFalse(draft.contains("11.51.100.1 - - "), draft);
    assertTrue(draft.contains("11.51.100.2 - - "), draft);
    assertUsage(
        Runs.probehunt("notify", "--reports", tmp.resolve("no-reports").toString()), "no-reports");
  }

  @Test
  void badNumbersAreOneLine() {
    assertUsage(Runs.run(out(), List.of("--max-lines", "-1"), logs), "--max-lines");
    assertUsage(Runs.run(out(), List.of("--min-probes", "0"), logs), "--min-probes");
  }
}
