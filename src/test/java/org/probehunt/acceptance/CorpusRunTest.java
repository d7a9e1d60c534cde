package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;

/** The whole command over an unseen corpus: every file read, every prober found, nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRunTest {
  @TempDir static Path tmp;

  Corpus corpus;
  Path logs;
  Path out;
  Runs.Outcome clean;

  @BeforeAll
  void writeAndRun() throws Exception {
    logs = tmp.resolve("logs");
    corpus = new Corpus(logs);
    corpus.writeClean();
    out = tmp.resolve("out");
    clean = Runs.run(out, List.of(), logs);
    String keep = System.getenv("PROBEHUNT_QA_KEEP");
    if (keep != null) {
      org.apache.commons.io.FileUtils.copyDirectory(tmp.toFile(), Path.of(keep).toFile());
    }
  }

  private List<Map<String, String>> rows(String file) throws Exception {
    return CsvFiles.rows(out.resolve(file));
  }

  /** The inputs.csv row whose source ends with the corpus-relative source. */
  private static Map<String, String> inputRow(List<Map<String, String>> inputs, String source) {
    List<Map<String, String>> found =
        inputs.stream().filter(r -> r.get("source").endsWith("/" + source)).toList();
    assertEquals(1, found.size(), "one inputs.csv row for " + source + ": " + inputs);
    return found.get(0);
  }

  @Test
  void cleanCorpusExitsZero() {
    assertEquals(0, clean.code(), clean.toString());
  }

  @Test
  void inputsCsvHasOneRightRowPerFileAndMember() throws Exception {
    List<Map<String, String>> inputs = rows("inputs.csv");
    Map<String, String[]> expected = new TreeMap<>();
    expected.put("site-a/access_log", new String[] {"none", "none", "combined"});
    expected.put("site-a/access_log.1", new String[] {"none", "none", "combined"});
    expected.put("site-a/access_log.2.gz", new String[] {"gzip", "none", "combined"});
    expected.put("site-a/access_log.3", new String[] {"gzip", "none", "combined"});
    expected.put("site-b/other_vhosts_access.log", new String[] {"none", "none", "vhost_combined"});
    expected.put(
        "site-b/other_vhosts_access.log.1.bz2", new String[] {"bzip2", "none", "vhost_combined"});
    expected.put("site-c/access.log-20251001.xz", new String[] {"xz", "none", "nginx_combined"});
    expected.put("site-c/access.log-20251002.zst", new String[] {"zstd", "none", "nginx_combined"});
    expected.put("site-d/access.log", new String[] {"none", "none", "combined_extra"});
    expected.put("site-d/access.log.1", new String[] {"none", "none", "combined_extra"});
    expected.put(
        "archive/2025-09.tar.gz!logs/access_log-20250910",
        new String[] {"gzip", "tar", "combined"});
    expected.put(
        "archive/2025-09.tar.gz!logs/other_vhosts_access.log-20250911",
        new String[] {"gzip", "tar", "vhost_combined"});
    expected.put("archive/2025-08.zip!access.log", new String[] {"none", "zip", "combined"});
    assertEquals(expected.keySet(), corpus.linesWritten.keySet());

    long readRows = inputs.stream().filter(r -> !"skipped".equals(r.get("status"))).count();
    assertEquals(expected.size(), readRows, "one read row per file or member: " + inputs);
    long total = 0;
    for (Map.Entry<String, String[]> e : expected.entrySet()) {
      Map<String, String> row = inputRow(inputs, e.getKey());
      String ctx = e.getKey() + " -> " + row;
      assertEquals(e.getValue()[0], row.get("compression"), ctx);
      assertEquals(e.getValue()[1], row.get("container"), ctx);
      assertEquals(e.getValue()[2], row.get("format"), ctx);
      assertEquals("ok", row.get("status"), ctx);
      assertEquals(String.valueOf(corpus.linesWritten.get(e.getKey())), row.get("lines"), ctx);
      assertEquals(String.valueOf(corpus.garbageWritten.get(e.getKey())), row.get("rejected"), ctx);
      total += Long.parseLong(row.get("lines"));
    }
    for (Map<String, String> row : inputs) {
      assertEquals(
          Long.parseLong(row.get("lines")),
          Long.parseLong(row.get("parsed")) + Long.parseLong(row.get("rejected")),
          "lines = parsed + rejected: " + row);
    }
    assertEquals(corpus.linesWritten.values().stream().mapToLong(Integer::longValue).sum(), total);
    Map<String, String> readme = inputRow(inputs, "archive/2025-09.tar.gz!logs/README");
    assertEquals("skipped", readme.get("status"), readme.toString());
  }

  @Test
  void everyRejectedLineIsInRejectsCsvWithAReason() throws Exception {
    List<Map<String, String>> rejects = rows("rejects.csv");
    List<Map<String, String>> inputs = rows("inputs.csv");
    Map<String, Long> bySource =
        rejects.stream()
            .collect(Collectors.groupingBy(r -> r.get("source"), Collectors.counting()));
    for (Map<String, String> row : inputs) {
      assertEquals(
          Long.parseLong(row.get("rejected")),
          bySource.getOrDefault(row.get("source"), 0L),
          row.toString());
    }
    for (Map<String, String> r : rejects) {
      assertFalse(r.get("reason").isBlank(), r.toString());
      assertTrue(
          Set.of(
                  "empty",
                  "no client",
                  "bad time",
                  "bad request",
                  "unterminated quote",
                  "bad status",
                  "bad bytes",
                  "missing fields",
                  "no vhost",
                  "line too long")
              .contains(r.get("reason")),
          r.toString());
    }
    List<String> a1 =
        rejects.stream()
            .filter(r -> r.get("source").endsWith("site-a/access_log.1"))
            .map(r -> r.get("line"))
            .toList();
    assertTrue(a1.contains("just some words"), a1.toString());
    assertTrue(
        a1.stream().anyMatch(l -> l.startsWith("\\x01\\x02binary\\xff\\xfe")), a1.toString());
    assertTrue(a1.stream().anyMatch(l -> l.length() > 20_000), "the 20 KB line is quoted whole");
  }

  @Test
  void everyProberIsFlaggedWithAllItsRequestsAndNoLookAlikeIs() throws Exception {
    Map<String, Map<String, String>> hosts = Runs.byKey(rows("hosts.csv"), "host");
    assertEquals(corpus.flaggedLines.keySet(), hosts.keySet(), "flagged hosts");
    for (String host : corpus.benignHosts) {
      assertFalse(hosts.containsKey(host), "look-alike flagged: " + host + " " + hosts.get(host));
    }
    List<Map<String, String>> requests = rows("requests.csv");
    Map<String, List<String>> lines = new TreeMap<>();
    for (Map<String, String> r : requests) {
      lines.computeIfAbsent(r.get("host"), h -> new ArrayList<>()).add(r.get("line"));
    }
    for (Map.Entry<String, List<String>> e : corpus.flaggedLines.entrySet()) {
      String host = e.getKey();
      Map<String, String> row = hosts.get(host);
      assertEquals(String.valueOf(e.getValue().size()), row.get("requests"), host + ": " + row);
      assertEquals(
          String.valueOf(corpus.flaggedProbes.get(host)), row.get("probes"), host + ": " + row);
      List<String> got = new ArrayList<>(lines.getOrDefault(host, List.of()));
      List<String> want = new ArrayList<>(e.getValue());
      got.sort(null);
      want.sort(null);
      assertEquals(want, got, "requests.csv lines of " + host + " (verbatim)");
    }
  }

  @Test
  void requestsAreOrderedByHostThenTime() throws Exception {
    List<Map<String, String>> requests = rows("requests.csv");
    List<String> hostOrder = new ArrayList<>();
    Map<String, OffsetDateTime> last = new HashMap<>();
    for (Map<String, String> r : requests) {
      String host = r.get("host");
      if (hostOrder.isEmpty() || !hostOrder.get(hostOrder.size() - 1).equals(host)) {
        assertFalse(hostOrder.contains(host), "host rows are contiguous: " + host);
        hostOrder.add(host);
      }
      OffsetDateTime t = OffsetDateTime.parse(r.get("time"));
      OffsetDateTime before = last.put(host, t);
      assertTrue(before == null || !t.isBefore(before), host + " out of time order at " + r);
    }
    List<String> sorted = new ArrayList<>(hostOrder);
    sorted.sort(null);
    assertEquals(sorted, hostOrder, "hosts in order");
  }

  @Test
  void timesCarryTheLogsOwnOffset() throws Exception {
    for (Map<String, String> r : rows("requests.csv")) {
      String line = r.get("line");
      String offset = line.replaceAll("^.*?\\[[^\\]]* ([+-]\\d\\d)(\\d\\d)\\].*$", "$1:$2");
      assertTrue(
          r.get("time").endsWith(offset.equals("+00:00") ? "Z" : offset)
              || r.get("time").endsWith(offset),
          r.get("time") + " vs " + line);
    }
  }

  @Test
  void noCellCanRunAsAFormula() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        for (Map<String, String> row : CsvFiles.rows(csv)) {
          for (Map.Entry<String, String> cell : row.entrySet()) {
            String v = cell.getValue();
            boolean number = v.matches("-?\\d+(\\.\\d+)?");
            assertFalse(
                !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !number,
                csv.getFileName() + " column " + cell.getKey() + " is a formula: " + v);
          }
        }
      }
    }
    Map<String, String> formula =
        rows("requests.csv").stream()
            .filter(r -> r.get("host").equals("11.51.100.77") && r.get("path").contains(".git"))
            .findFirst()
            .orElseThrow();
    assertEquals("'=HYPERLINK(1)", formula.get("user_agent"));
    assertEquals("'@SUM(1+1)", formula.get("referer"));
  }

  @Test
  void aSecondRunWritesByteIdenticalReports() throws Exception {
    Path again = tmp.resolve("again");
    Runs.Outcome second = Runs.run(again, List.of(), logs);
    assertEquals(0, second.code(), second.toString());
    for (String name :
        List.of(
            "hosts.csv",
            "requests.csv",
            "inputs.csv",
            "rejects.csv",
            "domains.csv",
            "campaigns.csv",
            "abuseipdb.csv")) {
      assertArrayEquals(
          Files.readAllBytes(out.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
    }
    try (Stream<Path> drafts = Files.list(out.resolve("notices"))) {
      for (Path d : drafts.toList()) {
        Path other = again.resolve("notices").resolve(d.getFileName());
        assertTrue(Files.exists(other), other.toString());
        assertNotNull(Files.readString(other));
      }
    }
  }

  /** Every text of a draft: its body and any text attachment, decoded. */
  static String allText(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof jakarta.mail.Multipart multi) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multi.getCount(); i++) {
        all.append(allText(multi.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    if (content instanceof java.io.InputStream in) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return String.valueOf(content);
  }

  @Test
  void everyFlaggedHostIsInOneEnglishAndOneJapaneseDraftWithAllItsLines() throws Exception {
    Map<String, String> en = new TreeMap<>();
    Map<String, String> ja = new TreeMap<>();
    try (Stream<Path> drafts = Files.list(out.resolve("notices"))) {
      for (Path d : drafts.filter(p -> p.toString().endsWith(".eml")).toList()) {
        String name = d.getFileName().toString();
        // '@' belongs only in a mailbox's key; names taken from a log are made plain.
        assertTrue(name.matches("[a-z0-9@._-]+\\.(en|ja)\\.eml"), name);
        assertFalse(name.contains("@") && !name.matches("[a-z0-9._+-]+@[a-z0-9.-]+\\..*"), name);
        for (char c : ",<>\"'; ".toCharArray()) {
          assertFalse(name.indexOf(c) >= 0, "file name carries " + c + ": " + name);
        }
        jakarta.mail.internet.MimeMessage m = org.probehunt.testing.Mails.read(d);
        assertEquals("1", m.getHeader("X-Unsent", null), name);
        String text = allText(m);
        if (name.endsWith(".en.eml")) {
          en.put(name, text);
        } else if (name.endsWith(".ja.eml")) {
          assertFalse(text.contains("\uFFFD"), "Japanese body decodes: " + name);
          assertTrue(
              text.codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x30ff),
              "Japanese text in " + name);
          ja.put(name, text);
        } else {
          throw new AssertionError("unexpected file in notices/: " + name);
        }
        String headers = org.probehunt.testing.Mails.headers(d);
        for (String hostile : List.of("mail@evil", "a,b.hostile", "<x>", "hostile.example\"")) {
          assertFalse(
              headers.contains(hostile), name + " header carries " + hostile + ":\n" + headers);
        }
        assertFalse(
            m.getSubject().contains("mail@evil") || m.getSubject().contains("<x>"), m.getSubject());
      }
    }
    assertEquals(en.size(), ja.size());
    for (Map.Entry<String, List<String>> host : corpus.flaggedLines.entrySet()) {
      for (Map<String, String> drafts : List.of(en, ja)) {
        List<String> holding =
            drafts.entrySet().stream()
                .filter(d -> host.getValue().stream().anyMatch(l -> d.getValue().contains(l)))
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(
            1,
            holding.size(),
            host.getKey() + " quoted in exactly one draft per language: " + holding);
        String text = drafts.get(holding.get(0));
        for (String line : host.getValue()) {
          assertTrue(text.contains(line), holding.get(0) + " lacks evidence line " + line);
        }
      }
    }
  }

  @Test
  void domainGroupsGoToPostmasterAndAbuse() throws Exception {
    for (String domain : List.of("scanfarm.net", "wil.net", "probe.co.jp")) {
      for (String lang : List.of("en", "ja")) {
        Path d = out.resolve("notices/" + domain + "." + lang + ".eml");
        assertTrue(Files.exists(d), d.toString());
        jakarta.mail.internet.MimeMessage m = org.probehunt.testing.Mails.read(d);
        assertEquals(
            List.of(
                new jakarta.mail.internet.InternetAddress("postmaster@" + domain),
                new jakarta.mail.internet.InternetAddress("abuse@" + domain)),
            java.util.Arrays.asList(m.getRecipients(jakarta.mail.Message.RecipientType.TO)),
            d.toString());
      }
    }
    String farm =
        allText(org.probehunt.testing.Mails.read(out.resolve("notices/scanfarm.net.en.eml")));
    assertTrue(farm.contains("a1.scanfarm.net") && farm.contains("a2.scanfarm.net"), farm);
    Map<String, Map<String, String>> hosts = Runs.byKey(rows("hosts.csv"), "host");
    for (String hostile :
        List.of("mail@evil.example", "a,b.hostile.example", "<x>.hostile.example")) {
      assertEquals("", hosts.get(hostile).get("domain"), hostile + " gets no domain");
    }
  }
}
