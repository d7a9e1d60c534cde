package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/** Logs of IIS and CloudFront, found in a folder by their own names and read end to end. */
class ServiceLogsAcceptanceTest {
  @TempDir Path tmp;

  private static Set<String> flagged(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("hosts.csv")).stream()
        .map(r -> r.get("host"))
        .collect(Collectors.toSet());
  }

  /** inputs.csv by file name, each row checked for lines = parsed + rejected + other. */
  private static Map<String, Map<String, String>> inputs(Path out) throws Exception {
    List<Map<String, String>> rows = CsvFiles.rows(out.resolve("inputs.csv"));
    for (Map<String, String> row : rows) {
      assertEquals(
          Long.parseLong(row.get("lines")),
          Long.parseLong(row.get("parsed"))
              + Long.parseLong(row.get("rejected"))
              + Long.parseLong(row.get("other")),
          row.toString());
    }
    return rows.stream()
        .collect(
            Collectors.toMap(
                r -> Path.of(r.get("source").replaceFirst("^file:", "")).getFileName().toString(),
                r -> r));
  }

  private static Map<String, Long> rejectReasons(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("rejects.csv")).stream()
        .collect(Collectors.groupingBy(r -> r.get("reason"), Collectors.counting()));
  }

  private static String cloudfront(String... columns) {
    return String.join("\t", columns);
  }

  @Test
  void iisAndCloudFrontLogsAreFoundByNameAndRead() throws Exception {
    Path logs = tmp.resolve("logs");
    String iisFields =
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
            + " cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
    LogFiles.plain(
        logs.resolve("W3SVC1/u_ex251001.log"),
        List.of(
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2025-10-01 00:00:00",
            iisFields,
            "2025-10-01 00:00:01 10.0.0.5 GET / - 443 - 11.0.2.5"
                + " Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 15",
            "2025-10-01 00:00:02 10.0.0.5 GET /.env - 443 - 11.51.100.1 curl/8.0 - 404 0 2 1",
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2025-10-01 06:00:00",
            "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query cs-version cs-host"
                + " sc-status sc-bytes cs(User-Agent)",
            "2025-10-01 06:00:01 11.51.100.1 GET /index.html - HTTP/1.1 www.example.jp 200 512"
                + " curl/8.0",
            "2025-10-01 06:00:02 11.51.100.2 GET /cgi-bin/phf - HTTP/1.0 www.example.jp 404 0"
                + " Mozilla/5.0+zgrab/0.x",
            "2025-10-01 06:00:03 11.0.2.6 GET /about.aspx a=1 HTTP/1.1 www.example.jp 200 900"
                + " Mozilla/5.0+(Macintosh)"));
    String cfFields =
        "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem"
            + " sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
            + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken";
    LogFiles.gzip(
        logs.resolve("cdn/E2EXAMPLE.2025-10-01-00.a1b2c3d4.gz"),
        List.of(
            "#Version: 1.0",
            cfFields,
            cloudfront(
                "2025-10-01",
                "00:10:00",
                "NRT57-C1",
                "5120",
                "11.0.2.7",
                "GET",
                "d111111abcdef8.cloudfront.net",
                "/index.html",
                "200",
                "-",
                "Mozilla/5.0%20(X11;%20Linux%20x86_64)",
                "-",
                "-",
                "Hit",
                "r1==",
                "www.example.jp",
                "https",
                "120",
                "0.002"),
            cloudfront(
                "2025-10-01",
                "00:10:01",
                "NRT57-C1",
                "320",
                "11.51.100.3",
                "GET",
                "d111111abcdef8.cloudfront.net",
                "/.git/config",
                "403",
                "-",
                "Go-http-client/1.1",
                "-",
                "-",
                "Error",
                "r2==",
                "www.example.jp",
                "https",
                "90",
                "0.001")));
    LogFiles.plain(logs.resolve("notes.txt"), List.of("not a log"));
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of(), logs);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.1", "11.51.100.2", "11.51.100.3"), flagged(out));
    Map<String, Map<String, String>> inputs = inputs(out);
    Map<String, String> iis = inputs.get("u_ex251001.log");
    assertEquals("w3c_iis", iis.get("format"));
    assertEquals("13", iis.get("lines"));
    assertEquals("0", iis.get("rejected"));
    assertEquals(
        String.valueOf(
            Files.readAllLines(logs.resolve("W3SVC1/u_ex251001.log")).stream()
                .filter(l -> l.startsWith("#"))
                .count()),
        iis.get("other"),
        "directives are neither requests nor rejections");
    Map<String, String> cdn = inputs.get("E2EXAMPLE.2025-10-01-00.a1b2c3d4.gz");
    assertEquals("cloudfront", cdn.get("format"));
    assertEquals("gzip", cdn.get("compression"));
    assertEquals("4", cdn.get("lines"));
    assertEquals("2", cdn.get("parsed"));
    assertEquals("2", cdn.get("other"));
    assertEquals("skipped", inputs.get("notes.txt").get("status"));
    assertEquals(Map.of(), rejectReasons(out), "no directive in rejects.csv");
    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    List<String> first =
        requests.stream()
            .filter(r -> r.get("host").equals("11.51.100.1"))
            .map(r -> r.get("time") + " " + r.get("path") + " " + r.get("user_agent"))
            .toList();
    assertEquals(
        List.of(
            "2025-10-01T00:00:02+00:00 /.env curl/8.0",
            "2025-10-01T06:00:01+00:00 /index.html curl/8.0"),
        first);
    Map<String, String> zgrab =
        requests.stream()
            .filter(r -> r.get("host").equals("11.51.100.2"))
            .findFirst()
            .orElseThrow();
    assertEquals("Mozilla/5.0 zgrab/0.x", zgrab.get("user_agent"));
  }

  private static String alb(String client, String status, String request, String agent) {
    return "https 2025-10-01T00:00:01.123456Z app/web/50dc6c495c0c9188 "
        + client
        + " 10.0.1.7:80 0.001 0.020 0.000 "
        + status
        + " 230 5120 \""
        + request
        + "\" \""
        + agent
        + "\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
        + " arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/73e2d6bc24d8"
        + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"www.example.jp\" \"-\" 0"
        + " 2025-10-01T00:00:01.100000Z \"forward\" \"-\" \"-\" \"10.0.1.7:80\" \"200\""
        + " \"-\" \"-\" TID_1234";
  }

  @Test
  void anApplicationLoadBalancerLogIsFoundByNameAndItsClientsAreTheCallers() throws Exception {
    Path logs = tmp.resolve("logs");
    LogFiles.gzip(
        logs.resolve(
            "AWSLogs/123456789012/elasticloadbalancing/ap-northeast-1/2025/10/01/"
                + "123456789012_elasticloadbalancing_ap-northeast-1_app.web.50dc6c495c0c9188"
                + "_20251001T0000Z_10.0.1.5_2et2e1mx.log.gz"),
        List.of(
            alb(
                "11.0.2.8:52110",
                "200 200",
                "GET https://www.example.jp:443/ HTTP/1.1",
                "Mozilla/5.0 (X11; Linux x86_64)"),
            alb(
                "11.51.100.4:40000", "404 404",
                "GET https://www.example.jp:443/.git/config HTTP/1.1", "Go-http-client/1.1"),
            alb(
                "11.51.100.4:40001",
                "200 200",
                "GET https://www.example.jp:443/ HTTP/1.1",
                "Go-http-client/1.1"),
            alb("11.0.2.9:1234", "400 -", "- https://www.example.jp:443- ", "-")));
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of(), logs);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.4"), flagged(out));
    Map<String, String> input = inputs(out).values().iterator().next();
    assertEquals("aws_alb", input.get("format"));
    assertEquals("4", input.get("parsed"));
    List<String> paths =
        CsvFiles.rows(out.resolve("requests.csv")).stream().map(r -> r.get("path")).toList();
    assertEquals(List.of("/.git/config", "/"), paths);
  }

  private static String caddy(String client, String time, String uri, int status, String agent) {
    return "{\"level\":\"info\",\"ts\":"
        + time
        + ",\"logger\":\"http.log.access.log0\",\"msg\":\"handled request\","
        + "\"request\":{\"remote_ip\":\""
        + client
        + "\",\"remote_port\":\"40000\",\"client_ip\":\""
        + client
        + "\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"www.example.jp\","
        + "\"uri\":\""
        + uri
        + "\",\"headers\":{\"User-Agent\":[\""
        + agent
        + "\"]}},\"bytes_read\":0,\"duration\":0.001,\"size\":10,\"status\":"
        + status
        + "}";
  }

  @Test
  void caddyAndNginxJsonLogsAreReadAndOtherLoggersLinesAccountedFor() throws Exception {
    Path logs = tmp.resolve("logs");
    LogFiles.gzip(
        logs.resolve("caddy/access.json.gz"),
        List.of(
            "{\"level\":\"info\",\"ts\":1759276800.1,\"logger\":\"tls.obtain\","
                + "\"msg\":\"certificate obtained successfully\"}",
            caddy("11.0.2.10", "1759276801.25", "/", 200, "Mozilla/5.0 (X11)"),
            caddy("11.51.100.6", "1759276802.5", "/wp-config.php.bak", 404, "Go-http-client/1.1"),
            "{\"level\":\"warn\",\"ts\":1759276803,\"logger\":\"admin\",\"msg\":\"x\"}",
            caddy("11.51.100.6", "1759276804", "/about", 200, "Go-http-client/1.1")));
    LogFiles.plain(
        logs.resolve("nginx/site-access.json.1"),
        List.of(
            "{\"time_local\":\"01/Oct/2025:10:00:01 +0900\",\"remote_addr\":\"11.0.2.11\","
                + "\"request\":\"GET / HTTP/1.1\",\"status\":\"200\","
                + "\"body_bytes_sent\":\"512\",\"http_user_agent\":\"Mozilla/5.0\"}",
            "{\"time_local\":\"01/Oct/2025:10:00:02 +0900\",\"remote_addr\":\"11.51.100.7\","
                + "\"request\":\"\\u0016\\u0003\\u0001\\u0000\",\"status\":\"400\","
                + "\"body_bytes_sent\":\"150\",\"http_user_agent\":\"\"}",
            "not json"));
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of(), logs);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.6", "11.51.100.7"), flagged(out));
    Map<String, Map<String, String>> inputs = inputs(out);
    Map<String, String> caddyRow = inputs.get("access.json.gz");
    assertEquals("caddy_json", caddyRow.get("format"));
    assertEquals("3", caddyRow.get("parsed"));
    assertEquals("2", caddyRow.get("other"), "the tls and admin events");
    assertEquals("0", caddyRow.get("rejected"));
    Map<String, String> nginxRow = inputs.get("site-access.json.1");
    assertEquals("nginx_json", nginxRow.get("format"));
    assertEquals("2", nginxRow.get("parsed"));
    assertEquals(Map.of("bad json", 1L), rejectReasons(out));
    List<String> prober =
        CsvFiles.rows(out.resolve("requests.csv")).stream()
            .filter(r -> r.get("host").equals("11.51.100.6"))
            .map(r -> r.get("time") + " " + r.get("path"))
            .toList();
    assertEquals(
        List.of("2025-10-01T00:00:02+00:00 /wp-config.php.bak", "2025-10-01T00:00:04+00:00 /about"),
        prober);
  }

  /** An IIS line in IIS's default fields. */
  private static String iisDefault(String time, String client, String stem, int status) {
    return "2025-10-02 "
        + time
        + " 10.0.0.5 GET "
        + stem
        + " - 443 - "
        + client
        + " curl/8.0 - "
        + status
        + " 0 0 1";
  }

  @Test
  void w3cLinesWithoutTheirHeaderAreReadUnderAnIisNameAndRejectedSayingSoElsewhere()
      throws Exception {
    Path logs = tmp.resolve("logs");
    // Rotation cut the header block off: data first, then IIS's next block.
    List<String> cut =
        List.of(
            iisDefault("00:00:01", "11.51.100.7", "/cgi-bin/phf", 404),
            iisDefault("00:00:02", "11.0.2.20", "/default.aspx", 200),
            "#Software: Microsoft Internet Information Services 10.0",
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status",
            "2025-10-02 01:00:00 11.51.100.8 GET /.env 404");
    LogFiles.plain(logs.resolve("W3SVC1/u_ex251002.log"), cut);
    // The same lines under a name that says nothing of IIS.
    List<String> elsewhere =
        List.of(
            iisDefault("00:00:03", "11.51.100.9", "/cgi-bin/phf", 404),
            iisDefault("00:00:04", "11.51.100.9", "/cgi-bin/test-cgi", 404));
    LogFiles.plain(logs.resolve("www/access.log"), elsewhere);
    Path out = tmp.resolve("out");

    Runs.Outcome o = Runs.run(out, List.of(), logs);

    assertEquals(0, o.code(), o.toString());
    assertEquals(Set.of("11.51.100.7", "11.51.100.8"), flagged(out));
    Map<String, Map<String, String>> inputs = inputs(out);
    Map<String, String> iis = inputs.get("u_ex251002.log");
    assertEquals("w3c_iis", iis.get("format"));
    assertEquals(String.valueOf(cut.size()), iis.get("lines"));
    assertEquals("0", iis.get("rejected"));
    assertEquals(
        String.valueOf(cut.stream().filter(l -> l.startsWith("#")).count()), iis.get("other"));
    Map<String, String> other = inputs.get("access.log");
    assertEquals(String.valueOf(elsewhere.size()), other.get("rejected"), other.toString());
    assertEquals(Map.of("no #Fields: directive", (long) elsewhere.size()), rejectReasons(out));
  }
}
