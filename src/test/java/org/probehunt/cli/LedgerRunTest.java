package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.report.Columns;
import org.probehunt.report.Ledger;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.FullDiskFileSystem;
import org.probehunt.testing.Mails;
import org.probehunt.testing.SparkTestSession;

/**
 * Runs one after another with one --ledger over the sample month of the 1998 guide, and over the
 * same month moved in time: who is new, known and again, what the drafts say, and a ledger that is
 * never left half written.
 */
class LedgerRunTest {
  private static final Pattern DEFAULT = FullDiskFileSystem.failing;

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  @AfterEach
  void restore() {
    FullDiskFileSystem.failing = DEFAULT;
  }

  /** The sample month with its November moved to {@code month} of {@code year}, in a folder. */
  private Path month(String month, String year) throws IOException {
    String text = Files.readString(Path.of("data/sample/access_log"), StandardCharsets.UTF_8);
    Path file = tmp.resolve("logs-" + month + year + "/access_log");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.replace("/Nov/1998:", "/" + month + "/" + year + ":"));
    return file.getParent();
  }

  private static Outcome ok(Outcome o) {
    assertEquals(0, o.code(), o.toString());
    return o;
  }

  private static Map<String, String> statuses(Path out) throws IOException {
    return CsvFiles.rows(out.resolve("hosts.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("host"), r -> r.get("status")));
  }

  /** The hosts that the run drafted: those of the contacts in notices/index.csv. */
  private static Set<String> drafted(Path out) throws IOException {
    Set<String> contacts =
        CsvFiles.rows(out.resolve("notices/index.csv")).stream()
            .map(r -> r.get("contact"))
            .collect(Collectors.toSet());
    return CsvFiles.rows(out.resolve("hosts.csv")).stream()
        .filter(r -> contacts.contains(r.get("contact")))
        .map(r -> r.get("host"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> drafts(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("notices"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).toList();
    }
  }

  @Test
  void aMonthRunTwiceDraftsNothingTheSecondTime() throws Exception {
    Path logs = month("Nov", "1998");
    Path ledger = tmp.resolve("ledger.csv");
    Path first = tmp.resolve("first");
    ok(probehunt("run", "--ledger", ledger.toString(), "--out", first.toString(), logs.toString()));
    Map<String, String> before = statuses(first);
    assertFalse(before.isEmpty());
    assertEquals(Set.of("new"), Set.copyOf(before.values()), before.toString());
    assertEquals(Columns.HOSTS, CsvFiles.header(first.resolve("hosts.csv")));
    assertEquals("status", Columns.HOSTS.get(Columns.HOSTS.size() - 1), "appended last");

    // The ledger holds one row per drafted host, naming its drafts and period.
    Set<String> drafted = drafted(first);
    assertFalse(drafted.isEmpty());
    List<Map<String, String>> rows = CsvFiles.rows(ledger);
    assertEquals(Ledger.COLUMNS, CsvFiles.header(ledger));
    assertEquals(drafted, rows.stream().map(r -> r.get("host")).collect(Collectors.toSet()));
    Map<String, Map<String, String>> hosts =
        CsvFiles.rows(first.resolve("hosts.csv")).stream()
            .collect(Collectors.toMap(r -> r.get("host"), r -> r));
    for (Map<String, String> row : rows) {
      Map<String, String> host = hosts.get(row.get("host"));
      for (String column : List.of("contact", "first_seen", "last_seen", "probes", "campaign")) {
        assertEquals(host.get(column), row.get(column), column + " of " + row);
      }
      assertEquals("new", row.get("status"));
      for (String draft : row.get("drafts").split(";", -1)) {
        assertTrue(draft.startsWith(row.get("folder") + "/notices/"), draft);
        String name = draft.substring(draft.lastIndexOf('/') + 1);
        assertTrue(Files.exists(first.resolve("notices").resolve(name)), draft);
      }
    }
    byte[] recorded = Files.readAllBytes(ledger);

    Path second = tmp.resolve("second");
    Outcome again =
        ok(
            probehunt(
                "run", "--ledger", ledger.toString(), "--out", second.toString(), logs.toString()));
    Map<String, String> after = statuses(second);
    assertEquals(before.keySet(), after.keySet());
    for (String host : drafted) {
      assertEquals("known", after.get(host), host);
    }
    assertEquals(List.of(), drafts(second), again.out());
    assertTrue(
        again.out().contains("ledger: " + drafted.size() + " hosts reported before and quiet"),
        again.out());
    assertEquals(List.of(), CsvFiles.rows(second.resolve("notices/index.csv")));
    assertArrayEquals(recorded, Files.readAllBytes(ledger), "nothing drafted, nothing added");
    assertStatusCounts(second);
  }

  @Test
  void aHostProbingAgainIsDraftedSayingWhenWeWroteBefore() throws Exception {
    Path ledger = tmp.resolve("ledger.csv");
    Path november = tmp.resolve("november");
    ok(
        probehunt(
            "run",
            "--ledger",
            ledger.toString(),
            "--out",
            november.toString(),
            month("Nov", "1998").toString()));
    byte[] recorded = Files.readAllBytes(ledger);
    Map<String, Map<String, String>> reported =
        CsvFiles.rows(ledger).stream().collect(Collectors.toMap(r -> r.get("host"), r -> r));
    assertTrue(reported.containsKey("surf.wil.net"), reported.keySet().toString());

    Path january = tmp.resolve("january");
    ok(
        probehunt(
            "run",
            "--ledger",
            ledger.toString(),
            "--out",
            january.toString(),
            month("Jan", "1999").toString()));
    Map<String, String> status = statuses(january);
    for (String host : reported.keySet()) {
      assertEquals("again", status.get(host), host);
    }
    assertEquals(drafted(november), drafted(january));
    assertStatusCounts(november);
    assertStatusCounts(january);

    Map<String, String> wil = reported.get("surf.wil.net");
    String day = wil.get("recorded").substring(0, 10);
    MimeMessage en = Mails.read(january.resolve("notices/wil.net.en.eml"));
    String body = Mails.body(en);
    assertTrue(
        body.contains("We wrote to you about surf.wil.net on " + day),
        "says when we wrote before: " + body);
    assertTrue(body.contains(wil.get("last_seen")), "and about which period: " + body);
    String ja = Mails.body(Mails.read(january.resolve("notices/wil.net.ja.eml")));
    assertTrue(ja.contains(day + " にもご連絡いたしました"), ja);
    String first = Mails.body(Mails.read(november.resolve("notices/wil.net.en.eml")));
    assertFalse(first.contains("We wrote to you"), "a first letter says nothing of the kind");

    // Appended to: the old bytes stay, a row per host drafted again follows.
    byte[] now = Files.readAllBytes(ledger);
    assertArrayEquals(recorded, Arrays.copyOf(now, recorded.length));
    List<Map<String, String>> rows = CsvFiles.rows(ledger);
    assertEquals(2 * reported.size(), rows.size());
    assertEquals(
        Set.of("again"),
        rows.subList(reported.size(), rows.size()).stream()
            .map(r -> r.get("status"))
            .collect(Collectors.toSet()));
  }

  @Test
  void probesShortlyBeforeTheReportedPeriodAreQuietForQuietDays() throws Exception {
    Path ledger = tmp.resolve("ledger");
    Files.createDirectories(ledger); // a folder: the ledger is ledger.csv in it
    ok(
        probehunt(
            "run",
            "--ledger",
            ledger.toString(),
            "--out",
            tmp.resolve("nov").toString(),
            month("Nov", "1998").toString()));
    assertTrue(Files.exists(ledger.resolve("ledger.csv")));
    Path october = month("Oct", "1998"); // 31 days before: just outside 30 quiet days
    Path loud = tmp.resolve("loud");
    ok(
        probehunt(
            "run", "--ledger", ledger.toString(), "--out", loud.toString(), october.toString()));
    assertEquals("again", statuses(loud).get("surf.wil.net"));
    Path quiet = tmp.resolve("quiet");
    ok(
        probehunt(
            "run",
            "--ledger",
            ledger.toString(),
            "--quiet-days",
            "31",
            "--out",
            quiet.toString(),
            october.toString()));
    assertEquals("known", statuses(quiet).get("surf.wil.net"));
  }

  @Test
  void aRunFailingWhileWritingTheLedgerLeavesItAsItWas() throws Exception {
    Path ledger = tmp.resolve("ledger.csv");
    String path = "full://" + ledger.toAbsolutePath();
    FullDiskFileSystem.failing = Pattern.compile("(?!)"); // room enough, at first
    ok(
        probehunt(
            "run",
            "--ledger",
            path,
            "--out",
            tmp.resolve("november").toString(),
            month("Nov", "1998").toString()));
    byte[] recorded = Files.readAllBytes(ledger);

    FullDiskFileSystem.failing = Pattern.compile("\\.ledger\\.csv\\.tmp-.*");
    Path january = tmp.resolve("january");
    Outcome failed =
        probehunt(
            "run", "--ledger", path, "--out", january.toString(), month("Jan", "1999").toString());
    assertEquals(1, failed.code(), failed.toString());
    assertTrue(failed.err().contains("no space left on device"), failed.err());
    assertArrayEquals(recorded, Files.readAllBytes(ledger), "the ledger as it was");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(
          List.of(),
          left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          "no half-written ledger beside it");
    }
    assertFalse(Files.exists(january.resolve("hosts.csv")), "and no reports published");
  }

  @Test
  void aBadLedgerIsOneLineNamingFileAndLine() throws Exception {
    Path ledger = tmp.resolve("ledger.csv");
    Files.writeString(ledger, "host,when\r\nsurf.wil.net,yesterday\r\n");
    Outcome header =
        probehunt(
            "run", "--ledger", ledger.toString(), "--out", tmp.resolve("a").toString(), "data");
    assertEquals(2, header.code(), header.toString());
    assertEquals(1, header.err().strip().lines().count(), header.err());
    assertTrue(header.err().contains(ledger + ":1: not a probehunt ledger"), header.err());

    ok(
        probehunt(
            "run", "--ledger", ledger.toString() + ".ok", "--out", tmp.resolve("b") + "", "data"));
    List<String> lines = Files.readAllLines(ledger.resolveSibling("ledger.csv.ok"));
    Files.write(
        ledger, List.of(lines.get(0), lines.get(1), lines.get(1).replace(",new,", ",maybe,")));
    Outcome row =
        probehunt(
            "notify", "--reports", tmp.resolve("b").toString(), "--ledger", ledger.toString());
    assertEquals(2, row.code(), row.toString());
    assertEquals(1, row.err().strip().lines().count(), row.err());
    assertTrue(row.err().contains(ledger + ":3: status 'maybe'"), row.err());

    Outcome days = probehunt("run", "--quiet-days", "-1", "--out", tmp + "/c", "data");
    assertEquals(2, days.code(), days.toString());
    assertTrue(days.err().contains("--quiet-days"), days.err());
    Outcome record = probehunt("notify", "--reports", tmp.resolve("b").toString(), "--record");
    assertEquals(2, record.code(), record.toString());
    assertTrue(record.err().contains("--record needs --ledger"), record.err());
  }

  @Test
  void notifyAddsToTheLedgerOnlyWithRecord() throws Exception {
    Path out = tmp.resolve("november");
    ok(probehunt("run", "--out", out.toString(), month("Nov", "1998").toString()));
    Map<String, String> status = statuses(out);
    assertEquals(Set.of("new"), Set.copyOf(status.values()), "no ledger: all new");
    Path ledger = tmp.resolve("ledger.csv");

    ok(probehunt("notify", "--reports", out.toString(), "--ledger", ledger.toString()));
    assertFalse(Files.exists(ledger), "drafts that may never be sent are not recorded");

    ok(probehunt("notify", "--reports", out.toString(), "--ledger", ledger.toString(), "--record"));
    List<Map<String, String>> rows = CsvFiles.rows(ledger);
    assertEquals(drafted(out), rows.stream().map(r -> r.get("host")).collect(Collectors.toSet()));
    byte[] recorded = Files.readAllBytes(ledger);

    // Drafting the same folder again is not held back by its own record, nor recorded twice.
    ok(probehunt("notify", "--reports", out.toString(), "--ledger", ledger.toString()));
    assertFalse(drafts(out).isEmpty());
    assertArrayEquals(recorded, Files.readAllBytes(ledger));

    // Another month's run over the same ledger knows those hosts.
    Path again = tmp.resolve("again");
    ok(
        probehunt(
            "run",
            "--ledger",
            ledger.toString(),
            "--out",
            again.toString(),
            month("Nov", "1998").toString()));
    assertEquals(List.of(), drafts(again));
  }

  /** summary.json counts the hosts of each status as hosts.csv gives them. */
  private static void assertStatusCounts(Path out) throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    Map<String, Long> counts =
        statuses(out).values().stream()
            .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    assertEquals(counts.getOrDefault("again", 0L), summary.get("again_hosts").asLong());
    assertEquals(counts.getOrDefault("known", 0L), summary.get("known_hosts").asLong());
  }
}
