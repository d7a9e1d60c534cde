package org.probehunt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.FormatCatalog;
import org.probehunt.parse.HostSet;
import org.probehunt.parse.TrustedProxies;
import org.probehunt.testing.LogFiles;

/**
 * The per-file loop without Spark, through {@link FilePass} on the local file system: every line of
 * a plain or gzip file is counted once, as parsed or rejected; the first pass reports probes and
 * rejections by line number and one tally per file or archive member; the join back yields the
 * named hosts' requests and nothing else.
 */
class EntryPassTest {
  /** Lines longer than this are cut and rejected, so the test can write one. */
  private static final int MAX_LINE_BYTES = 256;

  private static final PassSettings ALL =
      settings(ReadOptions.defaults().withMaxLineBytes(MAX_LINE_BYTES), TimeWindow.ALL);

  private static final List<String> PLAIN =
      List.of(
          "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44",
          "11.0.113.7 - - [23/Nov/1998:19:53:00 +0900] \"GET /index.html HTTP/1.0\" 200 1043",
          "this is no log line",
          "surf.wil.net - - [23/Nov/1998:19:54:00 +0900] \"GET /index.html HTTP/1.0\" 200 1043",
          "",
          "11.0.113.9 - - [23/Nov/1998:19:55:00 +0900] \"GET /cgi-bin/test-cgi HTTP/1.0\" 404 -");

  private static final List<String> GZIP_FIRST_MEMBER =
      List.of(
          "11.0.113.9 - - [22/Nov/1998:10:00:00 +0900] \"GET / HTTP/1.0\" 200 1043",
          "11.0.113.7 - - [22/Nov/1998:10:00:05 +0900] \"GET /cgi-bin/phf?Qalias=x HTTP/1.0\" 200"
              + " 4");

  private static final String LONG =
      "11.0.113.9 - - [22/Nov/1998:10:00:30 +0900] \"GET /"
          + "a".repeat(MAX_LINE_BYTES)
          + " HTTP/1.0\" 200 1";

  private static final List<String> GZIP_SECOND_MEMBER =
      List.of(
          "\"GET / HTTP/1.0\" 200 1043",
          LONG,
          "11.0.113.9 - - [22/Nov/1998:10:01:00 +0900] \"GET /about.html HTTP/1.0\" 200 10");

  @TempDir Path tmp;
  private String plain;
  private String gzip;

  private static PassSettings settings(ReadOptions read, TimeWindow window) {
    return new PassSettings(null, read, RuleSet.defaults(), HostAllowList.NONE, window);
  }

  @BeforeEach
  void writeLogs() throws IOException {
    plain = LogFiles.plain(tmp.resolve("access_log"), PLAIN).toString();
    gzip =
        LogFiles.gzip(tmp.resolve("access_log.1.gz"), GZIP_FIRST_MEMBER, GZIP_SECOND_MEMBER)
            .toString();
  }

  /** What a pass over {@code paths} yielded, in order, and the line counts it reported per file. */
  private record Pass(List<PassEvent> events, List<Long> fileLines) {
    /** The probes, or in the join back every request. */
    List<String> hits() {
      List<String> hits = new ArrayList<>();
      for (PassEvent e : events) {
        if (e instanceof LoggedRequest hit && (hit.detection().probe() || !firstPass())) {
          hits.add(name(hit.source()) + ":" + hit.lineNo() + " " + hit.request().host());
        }
      }
      return hits;
    }

    List<String> rejects() {
      List<String> rejects = new ArrayList<>();
      for (PassEvent e : events) {
        if (e instanceof RejectedLine reject) {
          rejects.add(name(reject.source()) + ":" + reject.lineNo() + " " + reject.reason());
        }
      }
      return rejects;
    }

    /** Every request yielded, probe or not. */
    List<String> requests() {
      List<String> requests = new ArrayList<>();
      for (PassEvent e : events) {
        if (e instanceof LoggedRequest hit) {
          requests.add(name(hit.source()) + ":" + hit.lineNo() + " " + hit.request().host());
        }
      }
      return requests;
    }

    /** The first pass's accounts of its entries' clients, by entry name. */
    Map<String, EntryClients> clients() {
      Map<String, EntryClients> clients = new LinkedHashMap<>();
      for (PassEvent e : events) {
        if (e instanceof EntryClients c) {
          clients.put(name(c.source()), c);
        }
      }
      return clients;
    }

    private boolean firstPass() {
      return events.stream().anyMatch(EntryTally.class::isInstance);
    }

    List<EntryTally> tallies() {
      return events.stream()
          .filter(EntryTally.class::isInstance)
          .map(EntryTally.class::cast)
          .toList();
    }
  }

  private static String name(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static Pass firstPass(PassSettings settings, String... paths) throws IOException {
    List<Long> lines = new ArrayList<>();
    try (FilePass pass =
        FilePass.probes(new Configuration(), List.of(paths), settings, lines::add)) {
      List<PassEvent> events = new ArrayList<>();
      pass.forEachRemaining(events::add);
      return new Pass(events, lines);
    }
  }

  private static Pass joinBack(Set<String> hosts, String... paths) throws IOException {
    List<Long> lines = new ArrayList<>();
    try (FilePass pass =
        FilePass.requestsOf(
            new Configuration(), List.of(paths), ALL, HostSet.of(hosts), lines::add)) {
      List<PassEvent> events = new ArrayList<>();
      pass.forEachRemaining(events::add);
      return new Pass(events, lines);
    }
  }

  /**
   * Past its first 64 lines, the join back passes over a line without decoding it when its client,
   * read from the bytes, is surely none of the hosts ({@code HostSet.lacksClientOf}): it still
   * yields exactly the lines whose parsed client is one of them, in any form or layout the file may
   * hold, and counts every line.
   */
  @Test
  void theJoinBackSkipsNoLineOfItsHosts() throws IOException {
    String t = "[23/Nov/1998:19:52:17 +0900] \"GET /x HTTP/1.0\" 200 5 \"-\" \"ua\"";
    List<String> shapes =
        List.of(
            "11.0.113.7 - - " + t, // flagged
            "11.0.113.8 - - " + t,
            // A vhost line whose site is an address: its client, flagged, is the second field.
            "11.0.113.8 11.0.113.9 - - " + t,
            "SCAN.EXAMPLE.NET - - " + t, // flagged, as scan.example.net
            "scan.example.net - - " + t, // flagged
            "2001:DB8::7 - - " + t, // flagged, as 2001:db8::7
            "[2001:db8::7] - - " + t, // flagged
            "2001:db8::7 - - " + t, // flagged, as servers write it: hashed in place
            "2001:db8::8 - - " + t,
            "::ffff:b00:7109 - - " + t, // flagged, as 11.0.113.9: a mapped address is parsed
            "::ffff:11.0.113.9 - - " + t, // flagged, the same
            "11.0.113.7  - - " + t, // flagged, two spaces on
            "11.0.113.7 - admin root " + t, // flagged, a user name with spaces
            "11.0.113.70 - - " + t,
            "11.0.113.\u00e9 - - " + t,
            "- - - " + t,
            "");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lines.add("11.0.113." + (100 + i % 50) + " - - " + t); // the sample: no flagged host
    }
    for (int i = 0; i < 20; i++) {
      lines.addAll(shapes);
    }
    Set<String> flagged = Set.of("11.0.113.7", "11.0.113.9", "scan.example.net", "2001:db8::7");
    String file = LogFiles.plain(tmp.resolve("mixed_log"), lines).toString();
    List<Long> expected = new ArrayList<>();
    var parser = FormatCatalog.builtIns().parser(org.probehunt.parse.LogFormat.COMBINED);
    for (int i = 0; i < lines.size(); i++) {
      if (parser.parse(lines.get(i)) instanceof org.probehunt.parse.Request r
          && flagged.contains(r.host())) {
        expected.add(i + 1L);
      }
    }
    Pass pass = joinBack(flagged, file);
    List<Long> yielded = pass.events().stream().map(e -> ((LoggedRequest) e).lineNo()).toList();
    assertEquals(20 * 11, expected.size(), "flagged lines among the shapes");
    assertEquals(expected, yielded);
    assertEquals(List.of((long) lines.size()), pass.fileLines(), "every line counted");
  }

  @Test
  void everyLineIsCountedOnceAsParsedOrRejected() throws IOException {
    Pass pass = firstPass(ALL, plain, gzip);
    List<EntryTally> tallies = pass.tallies();
    assertEquals(2, tallies.size(), "one tally per file: " + tallies);

    EntryTally first = tallies.get(0);
    assertEquals(plain, first.source());
    assertEquals(List.of(6L, 4L, 2L), List.of(first.lines(), first.parsed(), first.rejected()));
    assertEquals("none", first.compression());
    assertEquals("ok", first.status());

    EntryTally second = tallies.get(1);
    assertEquals(gzip, second.source());
    assertEquals(List.of(5L, 3L, 2L), List.of(second.lines(), second.parsed(), second.rejected()));
    assertEquals("gzip", second.compression(), "told from the bytes");
    assertEquals("ok", second.status());

    assertEquals(List.of(6L, 5L), pass.fileLines(), "progress hears of each file's lines once");
    for (EntryTally tally : tallies) {
      assertEquals(tally.lines(), tally.parsed() + tally.rejected(), tally.toString());
    }
  }

  @Test
  void probesAndRejectionsAreReportedWithTheirLineNumbers() throws IOException {
    Pass pass = firstPass(ALL, plain, gzip);
    assertEquals(
        List.of(
            "access_log:1 surf.wil.net", "access_log:6 11.0.113.9", "access_log.1.gz:2 11.0.113.7"),
        pass.hits(),
        "probes in file order; line numbers run on across gzip members");
    assertEquals(
        List.of(
            "access_log:1 surf.wil.net",
            "access_log:4 surf.wil.net",
            "access_log:6 11.0.113.9",
            "access_log.1.gz:2 11.0.113.7"),
        pass.requests(),
        "and the other requests of a host that probed in the file");
    for (PassEvent e : pass.events()) {
      if (e instanceof LoggedRequest hit) {
        List<String> lines =
            hit.source().equals(plain) ? PLAIN : concat(GZIP_FIRST_MEMBER, GZIP_SECOND_MEMBER);
        assertEquals(lines.get((int) hit.lineNo() - 1), hit.line(), "the line as read");
      }
    }

    List<String> rejects = pass.rejects();
    assertEquals(4, rejects.size(), rejects.toString());
    assertTrue(rejects.get(0).startsWith("access_log:3 "), rejects.toString());
    assertTrue(rejects.get(1).startsWith("access_log:5 "), rejects.toString());
    assertTrue(rejects.get(2).startsWith("access_log.1.gz:3 "), rejects.toString());
    assertEquals("access_log.1.gz:4 line too long", rejects.get(3));
    for (String reject : rejects) {
      assertFalse(reject.substring(reject.indexOf(' ') + 1).isBlank(), "a reason: " + reject);
    }
    RejectedLine unparsed =
        (RejectedLine)
            pass.events().stream().filter(RejectedLine.class::isInstance).findFirst().orElseThrow();
    assertEquals("this is no log line", unparsed.line());
  }

  @Test
  void theJoinBackYieldsExactlyTheNamedHostsRequests() throws IOException {
    Pass pass = joinBack(Set.of("surf.wil.net", "11.0.113.9"), plain, gzip);
    assertEquals(
        List.of(
            "access_log:1 surf.wil.net",
            "access_log:4 surf.wil.net",
            "access_log:6 11.0.113.9",
            "access_log.1.gz:1 11.0.113.9",
            "access_log.1.gz:5 11.0.113.9"),
        pass.hits());
    assertEquals(pass.hits().size(), pass.events().size(), "no rejections, no tallies");
    for (PassEvent e : pass.events()) {
      LoggedRequest hit = (LoggedRequest) e;
      boolean probe = hit.source().equals(plain) && (hit.lineNo() == 1 || hit.lineNo() == 6);
      assertEquals(probe, hit.detection().probe(), "the rules' verdict rides along: " + hit);
    }
    assertEquals(List.of(6L, 5L), pass.fileLines(), "every line is still read");

    assertEquals(List.of(), joinBack(Set.of("11.0.113.250"), plain, gzip).events());
  }

  @Test
  void requestsOutsideTheWindowAreParsedButNotProbes() throws IOException {
    PassSettings window =
        settings(
            ReadOptions.defaults().withMaxLineBytes(MAX_LINE_BYTES),
            TimeWindow.parse("1998-11-23", null));
    Pass pass = firstPass(window, gzip);
    assertEquals(List.of(), pass.hits(), "the 22 November probe is outside");
    EntryTally tally = pass.tallies().get(0);
    assertEquals(List.of(5L, 3L, 2L), List.of(tally.lines(), tally.parsed(), tally.rejected()));
  }

  @Test
  void aSkippedArchiveMemberGivesItsTallyAndNothingElse() throws IOException {
    String archive =
        LogFiles.tarGz(
                tmp.resolve("logs.tar.gz"),
                List.of("access_log", "notes.txt"),
                List.of(PLAIN.subList(0, 2), List.of("surf.wil.net GET /cgi-bin/phf")))
            .toString();
    Pass pass = firstPass(ALL, archive);
    assertEquals(List.of("logs.tar.gz!access_log:1 surf.wil.net"), pass.hits());
    assertEquals(List.of(), pass.rejects(), "the skipped member's line is not read");
    List<EntryTally> tallies = pass.tallies();
    assertEquals(2, tallies.size(), tallies.toString());
    EntryTally read = tallies.get(0);
    assertEquals(archive + "!access_log", read.source());
    assertEquals(List.of(2L, 2L, 0L), List.of(read.lines(), read.parsed(), read.rejected()));
    EntryTally skipped = tallies.get(1);
    assertEquals(archive + "!notes.txt", skipped.source());
    assertEquals("skipped", skipped.status());
    assertEquals(
        List.of(0L, 0L, 0L), List.of(skipped.lines(), skipped.parsed(), skipped.rejected()));
    assertFalse(skipped.message() == null || skipped.message().isBlank(), "the reason");
    assertEquals(List.of(2L), pass.fileLines(), "the archive's lines, once");

    Pass back = joinBack(Set.of("surf.wil.net"), archive);
    assertEquals(List.of("logs.tar.gz!access_log:1 surf.wil.net"), back.hits());
    assertEquals(1, back.events().size(), "the join back gives no tally: " + back.events());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void directivesAndOtherLoggersLinesAreCountedAsOtherNotRejected() throws IOException {
    List<String> iis =
        List.of(
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status cs(User-Agent)",
            "2025-10-01 00:00:01 11.0.113.7 GET /cgi-bin/phf - 404 curl/8.0",
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status",
            "2025-10-01 00:00:02 11.0.113.8 GET / 200",
            "2025-10-01 00:00:03 11.0.113.8 GET / abc");
    List<String> caddy =
        List.of(
            "{\"level\":\"info\",\"ts\":1759276800.1,\"logger\":\"tls.obtain\",\"msg\":\"ok\"}",
            "{\"level\":\"info\",\"ts\":1759276801.5,\"logger\":\"http.log.access\","
                + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"11.0.113.9\","
                + "\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"uri\":\"/\"},\"status\":200,"
                + "\"size\":5}",
            "{\"level\":\"warn\",\"ts\":1759276803,\"logger\":\"admin\",\"msg\":\"x\"}");
    String w3c = LogFiles.plain(tmp.resolve("u_ex251001.log"), iis).toString();
    String json = LogFiles.plain(tmp.resolve("access.json"), caddy).toString();
    Pass pass = firstPass(ALL, w3c, json);
    EntryTally iisTally = pass.tallies().get(0);
    EntryTally caddyTally = pass.tallies().get(1);
    long directives = iis.stream().filter(l -> l.startsWith("#")).count();
    assertEquals(
        List.of((long) iis.size(), 2L, 1L, directives),
        List.of(iisTally.lines(), iisTally.parsed(), iisTally.rejected(), iisTally.other()),
        iisTally.toString());
    assertEquals(
        List.of(3L, 1L, 0L, 2L),
        List.of(caddyTally.lines(), caddyTally.parsed(), caddyTally.rejected(), caddyTally.other()),
        caddyTally.toString());
    assertEquals(List.of("u_ex251001.log:7 bad status"), pass.rejects());
  }

  @Test
  void bothPassesCountAProxiedLineUnderTheClientItNames() throws IOException {
    String proxied =
        LogFiles.plain(
                tmp.resolve("proxied_access_log"),
                List.of(
                    "10.0.0.9 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 1"
                        + " \"-\" \"x\" \"11.0.113.7\"",
                    "10.0.0.9 - - [23/Nov/1998:19:52:18 +0900] \"GET / HTTP/1.0\" 200 1"
                        + " \"-\" \"x\" \"11.0.113.7, 10.0.0.3\"",
                    "10.0.0.9 - - [23/Nov/1998:19:52:19 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 1"
                        + " \"-\" \"x\" \"-\""))
            .toString();
    PassSettings trusting =
        new PassSettings(
            null,
            ReadOptions.defaults(),
            RuleSet.defaults(),
            HostAllowList.NONE,
            TimeWindow.ALL,
            FormatCatalog.builtIns(),
            TrustedProxies.parse(List.of("10.0.0.0/8")));
    assertEquals(
        List.of("proxied_access_log:1 11.0.113.7"),
        firstPass(trusting, proxied).hits(),
        "the proxy's own probe names no one and is never flagged");
    assertEquals(
        List.of("proxied_access_log:1 10.0.0.9", "proxied_access_log:3 10.0.0.9"),
        firstPass(ALL, proxied).hits());
    List<String> joined = new ArrayList<>();
    try (FilePass pass =
        FilePass.requestsOf(
            new Configuration(),
            List.of(proxied),
            trusting,
            HostSet.of(Set.of("11.0.113.7")),
            n -> {})) {
      pass.forEachRemaining(
          e ->
              joined.add(
                  ((LoggedRequest) e).lineNo() + " " + ((LoggedRequest) e).request().proxy()));
    }
    assertEquals(List.of("1 10.0.0.9", "2 10.0.0.9"), joined);
  }

  private static String combined(String host, long second, String target) {
    return String.format(
        "%s - - [23/Nov/1998:%02d:%02d:%02d +0900] \"GET %s HTTP/1.0\" 200 44",
        host, second / 3600 % 24, second / 60 % 60, second % 60, target);
  }

  @Test
  void theFirstPassYieldsEveryRequestOfAHostThatProbedInTheFileAndSaysWhichItMayHaveMissed()
      throws IOException {
    int recent = FilePass.RECENT_REQUESTS;
    List<String> lines = new ArrayList<>();
    lines.add(combined("11.0.113.1", 0, "/index.html")); // whole: a page, then probes
    lines.add(combined("11.0.113.2", 1, "/index.html")); // early: long before its probe
    lines.add(combined("11.0.113.3", 2, "/index.html")); // never probes here
    lines.add(combined("11.0.113.1", 3, "/cgi-bin/phf"));
    lines.add(combined("11.0.113.1", 4, "/style.css"));
    for (int i = 0; i < recent; i++) {
      lines.add(combined("10.0." + i / 250 + "." + i % 250, 5 + i, "/p" + i));
    }
    lines.add(combined("11.0.113.4", recent + 5, "/about.html")); // whole: just before its probe
    lines.add(combined("11.0.113.2", recent + 6, "/cgi-bin/test-cgi"));
    lines.add(combined("11.0.113.4", recent + 7, "/cgi-bin/handler"));
    lines.add(combined("11.0.113.2", recent + 8, "/contact.html"));
    lines.add(combined("11.0.113.1", recent + 9, "/cgi-bin/handler"));
    String log = LogFiles.gzip(tmp.resolve("window_log.gz"), lines).toString();

    Pass pass = firstPass(ALL, log);

    int n = lines.size();
    assertEquals(
        List.of(
            "window_log.gz:1 11.0.113.1",
            "window_log.gz:4 11.0.113.1",
            "window_log.gz:5 11.0.113.1",
            "window_log.gz:" + (n - 3) + " 11.0.113.2",
            "window_log.gz:" + (n - 4) + " 11.0.113.4", // yielded with its first probe
            "window_log.gz:" + (n - 2) + " 11.0.113.4",
            "window_log.gz:" + n + " 11.0.113.1"),
        pass.requests(),
        "the whole hosts' every request; of 11.0.113.2, whose page left the window, its probe");
    EntryClients clients = pass.clients().get("window_log.gz");
    assertEquals(recent + 4, clients.clientCount());
    assertFalse(clients.mayHoldMoreOf("11.0.113.1"), "every request yielded");
    assertFalse(clients.mayHoldMoreOf("11.0.113.4"), "every request yielded");
    assertTrue(clients.mayHoldMoreOf("11.0.113.2"), "its first page left the window");
    assertTrue(clients.mayHoldMoreOf("11.0.113.3"), "a host flagged elsewhere is read again");
    assertTrue(clients.mayHoldMoreOf("10.0.0.0"));
    assertFalse(clients.mayHoldMoreOf("11.0.113.99"), "not a client of the file");
    assertEquals(
        List.of("11.0.113.2", "11.0.113.3"),
        clients.toReadAgainFor(
            ClientHashes.of(List.of("11.0.113.1", "11.0.113.2", "11.0.113.3", "11.0.113.99"))));
    assertEquals(
        List.of("10.0.1.7", "11.0.113.2"),
        clients.toReadAgainFor(
            ClientHashes.of(
                List.of(
                    "11.0.113.1", "11.0.113.2", "11.0.113.99", "10.0.1.7", "192.0.2.1", "a.b"))));
    assertTrue(
        clients.mayHoldMoreOfAny(ClientHashes.of(List.of("11.0.113.1", "11.0.113.99", "10.0.1.7"))),
        "one host to read again is enough");
    assertFalse(
        clients.mayHoldMoreOfAny(
            ClientHashes.of(List.of("11.0.113.1", "11.0.113.4", "11.0.113.99", "192.0.2.1"))),
        "whole hosts and hosts not in the file");
  }

  @Test
  void aWindowFullOfLongLinesOrAW3cDirectiveLeavesTheEarlierRequestsToTheJoinBack()
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(combined("11.0.113.5", 0, "/index.html"));
    String padding = "/" + "x".repeat(1000);
    int n = FilePass.RECENT_REQUESTS / 2; // half the window's requests, but 2 MB of text
    for (int i = 0; i < n; i++) {
      lines.add(combined("10.1." + i / 250 + "." + i % 250, 1 + i, padding + i));
    }
    lines.add(combined("11.0.113.5", n + 1, "/cgi-bin/phf"));
    String log = LogFiles.plain(tmp.resolve("long_log"), lines).toString();

    Pass pass = firstPass(settings(ReadOptions.defaults(), TimeWindow.ALL), log);

    assertEquals(List.of("long_log:" + lines.size() + " 11.0.113.5"), pass.requests());
    assertTrue(pass.clients().get("long_log").mayHoldMoreOf("11.0.113.5"));

    String w3c =
        LogFiles.plain(
                tmp.resolve("u_ex251002.log"),
                LogFiles.with(
                    LogFiles.IIS_HEADER,
                    "2025-10-02 00:00:01 10.0.0.1 GET /index.html - 80 - 11.0.113.6 Mozilla/5.0 -"
                        + " 200 0 0 15",
                    "#Fields: date time c-ip cs-method cs-uri-stem sc-status",
                    "2025-10-02 00:00:02 11.0.113.6 GET /cgi-bin/phf 404",
                    "2025-10-02 00:00:03 11.0.113.6 GET /about.html 200"))
            .toString();

    Pass directive = firstPass(ALL, w3c);

    assertEquals(
        List.of("u_ex251002.log:7 11.0.113.6"),
        directive.requests(),
        "the probe alone: the page before the new #Fields is the join back's to read");
    assertTrue(directive.clients().get("u_ex251002.log").mayHoldMoreOf("11.0.113.6"));
  }

  @Test
  void aFileOfManyClientsCountsEachOnceAndRemembersTheOnesThatLeftTheWindow() throws IOException {
    List<String> lines = new ArrayList<>();
    int clients = 10_000;
    for (int i = 0; i < 5 * clients; i++) { // each client five times, far apart
      lines.add(combined("10.2." + i % clients / 250 + "." + i % 250, i, "/p" + i));
    }
    lines.add(combined("10.2.0.7", 5L * clients, "/cgi-bin/phf"));
    lines.add(combined("11.0.113.8", 5L * clients + 1, "/cgi-bin/phf"));
    String log = LogFiles.gzip(tmp.resolve("many_log.gz"), lines).toString();

    Pass pass = firstPass(ALL, log);

    assertEquals(
        List.of(
            "many_log.gz:" + (lines.size() - 1) + " 10.2.0.7",
            "many_log.gz:" + lines.size() + " 11.0.113.8"),
        pass.requests(),
        "10.2.0.7's pages left the window long ago: the join back reads them");
    EntryClients account = pass.clients().get("many_log.gz");
    assertEquals(clients, account.clientCount(), "every client once; 11.0.113.8 is whole");
    assertTrue(account.mayHoldMoreOf("10.2.0.7"));
    assertTrue(account.mayHoldMoreOf("10.2.39.249"));
    assertFalse(account.mayHoldMoreOf("11.0.113.8"));
    assertFalse(account.mayHoldMoreOf("10.2.40.0"));
  }
}
