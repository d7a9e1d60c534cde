package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/**
 * Custom formats, files whose format changes part-way, and request lines that are no requests,
 * through the command line and the Spark job.
 */
class LogFormatsAcceptanceTest {
  private static final String T = "[01/Oct/2025:10:00:0";
  private static final String UA = "\"-\" \"Mozilla/5.0\"";

  @TempDir Path tmp;

  private static Set<String> flagged(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("hosts.csv")).stream()
        .map(r -> r.get("host"))
        .collect(Collectors.toSet());
  }

  private static Map<String, String> onlyInput(Path out) throws Exception {
    List<Map<String, String>> inputs = CsvFiles.rows(out.resolve("inputs.csv"));
    assertEquals(1, inputs.size(), inputs.toString());
    Map<String, String> row = inputs.get(0);
    assertEquals(
        Long.parseLong(row.get("lines")),
        Long.parseLong(row.get("parsed")) + Long.parseLong(row.get("rejected")),
        row.toString());
    return row;
  }

  @Test
  void aFileWhoseFormatChangesKeepsEveryLineAndFlagsHandshakes() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      lines.add("11.0.2." + i + " - - " + T + i + " +0900] \"GET / HTTP/1.1\" 200 10 " + UA);
    }
    lines.add("11.51.100.1 - - " + T + "1 +0900] \"GET /index.html HTTP/1.1\" 200 10 " + UA);
    lines.add(
        "11.9.9.9 - - " + T + "2 +0900] \"\\x16\\x03\\x01\\x00\\xa5\\x01\" 400 226 \"-\" \"-\"");
    lines.add("11.9.9.8 - - " + T + "3 +0900] \"SSH-2.0-Go\" 400 226 \"-\" \"-\"");
    lines.add("11.9.9.7 - - " + T + "4 +0900] \"-\" 408 - \"-\" \"-\"");
    // The LogFormat changed to %v %h ..., then to %v:%p %h ...
    lines.add("www.example.jp 11.0.2.20 - - " + T + "5 +0900] \"GET / HTTP/1.1\" 200 10 " + UA);
    lines.add("www.example.jp 11.0.2.21 - - " + T + "6 +0900] \"GET /a HTTP/1.1\" 200 10 " + UA);
    lines.add(
        "www.example.jp:443 11.51.100.1 - - "
            + T
            + "7 +0900] \"GET /cgi-bin/phf HTTP/1.0\""
            + " 404 10 "
            + UA);
    lines.add("www.example.jp:443 11.0.2.22 - - " + T + "8 +0900] \"GET / HTTP/1.1\" 200 10 " + UA);
    lines.add("not a log line at all");
    Path log = LogFiles.plain(tmp.resolve("logs/access_log"), lines);
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of(), log);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.1", "11.9.9.9", "11.9.9.8"), flagged(out));
    Map<String, String> input = onlyInput(out);
    assertEquals("combined;vhost_combined;vhost", input.get("format"));
    assertEquals("17", input.get("lines"));
    assertEquals("1", input.get("rejected"));
    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    List<String> prober =
        requests.stream()
            .filter(r -> r.get("host").equals("11.51.100.1"))
            .map(r -> r.get("path"))
            .toList();
    assertEquals(List.of("/index.html", "/cgi-bin/phf"), prober, requests.toString());
    Map<String, String> tls =
        requests.stream().filter(r -> r.get("host").equals("11.9.9.9")).findFirst().orElseThrow();
    assertEquals("", tls.get("method"));
    assertEquals("", tls.get("path"));
    assertEquals("handshake-on-http", tls.get("rule"));
    assertEquals("400", tls.get("status"));
    List<Map<String, String>> rejects = CsvFiles.rows(out.resolve("rejects.csv"));
    assertEquals(1, rejects.size(), rejects.toString());
    assertEquals("17", rejects.get(0).get("line_no"));
  }

  @Test
  void aCustomApacheFormatIsReadAsGiven() throws Exception {
    Path log =
        LogFiles.plain(
            tmp.resolve("logs/edge.log"),
            List.of(
                "11.0.2.5 2025-10-01 10:00:00 +0900 \"GET / HTTP/1.1\" 200 \"Mozilla/5.0\" 0.2",
                "11.51.100.1 2025-10-01 10:00:01 +0900 \"GET /.env HTTP/1.1\" 404 \"curl\" 0.1",
                "11.51.100.1 2025-10-01 10:00:02 +0900 GET / 404"));
    Path out = tmp.resolve("out");

    Runs.Outcome o =
        Runs.run(
            out,
            List.of("--log-format", "%a %{%Y-%m-%d %H:%M:%S %z}t \"%r\" %>s \"%{User-Agent}i\" %T"),
            log);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.1"), flagged(out));
    Map<String, String> input = onlyInput(out);
    assertEquals("custom", input.get("format"));
    assertEquals("2", input.get("parsed"));
    assertEquals("bad request", CsvFiles.rows(out.resolve("rejects.csv")).get(0).get("reason"));
  }

  @Test
  void namedFormatsJoinDetectionAndSslRequestLogIsKnown() throws Exception {
    Path formats =
        Files.writeString(
            tmp.resolve("formats.txt"),
            "# our nginx front end\n"
                + "front = $time_iso8601 $remote_addr \"$request\" $status $body_bytes_sent"
                + " \"$http_user_agent\"\n");
    Path nginx =
        LogFiles.plain(
            tmp.resolve("logs/front/access.log"),
            List.of(
                "2025-10-01T10:00:00+09:00 11.0.2.5 \"GET / HTTP/1.1\" 200 5 \"Mozilla/5.0\"",
                "2025-10-01T10:00:01+09:00 11.51.100.2 \"GET /.git/config HTTP/1.1\" 404 0 \"-\""));
    Path ssl =
        LogFiles.plain(
            tmp.resolve("logs/ssl_request_log"),
            List.of(
                "[01/Oct/2025:10:00:00 +0900] 11.0.2.6 TLSv1.3 TLS_AES_256_GCM_SHA384"
                    + " \"GET / HTTP/1.1\" 512",
                "[01/Oct/2025:10:00:01 +0900] 11.51.100.3 TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256"
                    + " \"GET /cgi-bin/test-cgi HTTP/1.0\" -"));
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of("--log-formats", formats.toString()), nginx, ssl);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.2", "11.51.100.3"), flagged(out));
    Map<String, Map<String, String>> inputs =
        Runs.byKey(CsvFiles.rows(out.resolve("inputs.csv")), "format");
    assertEquals(Set.of("front", "ssl_request_log"), inputs.keySet());
    assertTrue(
        inputs.values().stream().allMatch(r -> r.get("rejected").equals("0")), inputs.toString());
  }

  @Test
  void aBadFormatIsOneLineNamingTheDirective() throws Exception {
    Path log = LogFiles.plain(tmp.resolve("access_log"), List.of("x"));
    CliAcceptanceTest.assertUsage(
        Runs.run(tmp.resolve("o1"), List.of("--log-format", "%h %t %Z"), log),
        "%Z",
        "--log-format");
    Path formats =
        Files.writeString(tmp.resolve("formats.txt"), "ok = %h %t\nbad = $remote_addr $nope\n");
    CliAcceptanceTest.assertUsage(
        Runs.run(tmp.resolve("o2"), List.of("--log-formats", formats.toString()), log),
        "formats.txt:2",
        "$nope");
    CliAcceptanceTest.assertUsage(
        Runs.run(
            tmp.resolve("o3"), List.of("--log-formats", tmp.resolve("none.txt").toString()), log),
        "none.txt");
  }
}
