package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lines that parse, with every field of the expected request. */
class LineParserTest {
  private static final String GUIDE_1 =
      "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44";
  private static final String UPPER_CASE_HOST =
      "SURF.Wil.NET - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44";
  private static final String GUIDE_2 =
      "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -";
  private static final String GUIDE_3 =
      "surf.wil.net - - [23/Nov/1998:19:52:41 +0900] \"GET /cgi-bin/handler\" 200 16384";
  private static final String T = "[02/Mar/2025:10:00:01 +0000]";
  private static final String TIME = "2025-03-02T10:00:01Z";
  private static final String LONG_PATH = "/" + "A".repeat(9000);

  static Stream<Arguments> requests() {
    return Stream.of(
        // The 1998 guide's three lines, in common format and read as combined.
        of(GUIDE_1, LogFormat.COMMON, guide("19:52:17", "/cgi-bin/phf", 200, 44L)),
        of(GUIDE_2, LogFormat.COMMON, guide("19:52:18", "/cgi-bin/test-cgi", 404, null)),
        of(GUIDE_3, LogFormat.COMMON, guide("19:52:41", "/cgi-bin/handler", 200, 16384L)),
        of(GUIDE_1, LogFormat.COMBINED, guide("19:52:17", "/cgi-bin/phf", 200, 44L)),
        // Host names ignore case: one host, however its name was logged.
        of(UPPER_CASE_HOST, LogFormat.COMMON, guide("19:52:17", "/cgi-bin/phf", 200, 44L)),
        of(
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200"
                + " 2326 \"http://www.example.com/start.html\""
                + " \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
            LogFormat.COMBINED,
            req(
                null,
                "127.0.0.1",
                "frank",
                "2000-10-10T13:55:36-07:00",
                "GET",
                "/apache_pb.gif",
                "HTTP/1.0",
                200,
                2326L,
                "http://www.example.com/start.html",
                "Mozilla/4.08 [en] (Win98; I ;Nav)")),
        of(
            "www.example.com:443 203.0.113.9 - - "
                + T
                + " \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
            LogFormat.VHOST_COMBINED,
            withPort(
                443,
                req(
                    "www.example.com",
                    "203.0.113.9",
                    null,
                    TIME,
                    "GET",
                    "/",
                    "HTTP/1.1",
                    200,
                    512L,
                    null,
                    "curl/8.0"))),
        of(
            "www.example.com 203.0.113.9 - - "
                + T
                + " \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
            LogFormat.VHOST_COMBINED,
            req(
                "www.example.com",
                "203.0.113.9",
                null,
                TIME,
                "GET",
                "/",
                "HTTP/1.1",
                200,
                512L,
                null,
                "curl/8.0")),
        of(
            "2001:db8::5 ::1 - - " + T + " \"GET / HTTP/2\" 200 512 \"-\" \"-\"",
            LogFormat.VHOST_COMBINED,
            req("2001:db8::5", "::1", null, TIME, "GET", "/", "HTTP/2", 200, 512L, null, null)),
        of(
            "[2001:db8::2]:80 ::1 - - " + T + " \"GET / HTTP/1.1\" 200 512 \"-\" \"-\"",
            LogFormat.VHOST_COMBINED,
            withPort(
                80,
                req(
                    "[2001:db8::2]",
                    "::1",
                    null,
                    TIME,
                    "GET",
                    "/",
                    "HTTP/1.1",
                    200,
                    512L,
                    null,
                    null))),
        of(
            "198.51.100.4 - - [02/Mar/2025:10:00:01 +0100] \"GET /?q=\\x22x HTTP/1.1\" 404 153"
                + " \"-\" \"Go-http-client/1.1\"",
            LogFormat.NGINX_COMBINED,
            req(
                null,
                "198.51.100.4",
                null,
                "2025-03-02T10:00:01+01:00",
                "GET",
                "/?q=\\x22x",
                "HTTP/1.1",
                404,
                153L,
                null,
                "Go-http-client/1.1")),
        of(
            "10.0.0.1 - - "
                + T
                + " \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\""
                + " \"198.51.100.7, 10.0.0.1\" 0.123 \"-\" -",
            LogFormat.COMBINED_EXTRA,
            req(
                null,
                "10.0.0.1",
                null,
                TIME,
                "GET",
                "/",
                "HTTP/1.1",
                200,
                512L,
                null,
                "curl/8.0",
                "198.51.100.7, 10.0.0.1",
                "0.123",
                "-",
                "-")),
        of(
            "10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\" 0.123",
            LogFormat.COMBINED,
            req(
                null,
                "10.0.0.1",
                null,
                TIME,
                "GET",
                "/",
                "HTTP/1.1",
                200,
                512L,
                null,
                "curl/8.0",
                "0.123")),
        of(
            "10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 512 1234",
            LogFormat.COMMON,
            req(
                null,
                "10.0.0.1",
                null,
                TIME,
                "GET",
                "/",
                "HTTP/1.1",
                200,
                512L,
                null,
                null,
                "1234")),
        of(
            "10.0.0.1 - - "
                + T
                + " \"GET /a\\\"b\\\\c HTTP/1.1\" 200 5 \"-\""
                + " \"Mozilla \\\"quoted\\\" \\\\path\"",
            LogFormat.COMBINED,
            req(
                null,
                "10.0.0.1",
                null,
                TIME,
                "GET",
                "/a\"b\\c",
                "HTTP/1.1",
                200,
                5L,
                null,
                "Mozilla \"quoted\" \\path")),
        of(
            "10.0.0.1 - - " + T + " \"GET /x\"y HTTP/1.0\" 200 5",
            LogFormat.COMMON,
            req(null, "10.0.0.1", null, TIME, "GET", "/x\"y", "HTTP/1.0", 200, 5L, null, null)),
        of(
            "10.0.0.1 - - " + T + " \"-\" 408 - \"-\" \"-\"",
            LogFormat.COMBINED,
            unparsed(
                "-", req(null, "10.0.0.1", null, TIME, null, null, null, 408, null, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"\" 400 0 \"-\" \"-\"",
            LogFormat.NGINX_COMBINED,
            unparsed("", req(null, "10.0.0.1", null, TIME, null, null, null, 400, 0L, null, null))),
        // What scanners send to port 80: a TLS handshake, an SSH banner, a lone word, binary.
        of(
            "10.0.0.1 - - " + T + " \"\\x16\\x03\\x01\\x00\\xa5\\x01\" 400 226",
            LogFormat.COMMON,
            unparsed(
                "\\x16\\x03\\x01\\x00\\xa5\\x01",
                req(null, "10.0.0.1", null, TIME, null, null, null, 400, 226L, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3\" 400 0 \"-\" \"-\"",
            LogFormat.COMBINED,
            unparsed(
                "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3",
                req(null, "10.0.0.1", null, TIME, null, null, null, 400, 0L, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"GET\" 400 0",
            LogFormat.COMMON,
            unparsed(
                "GET", req(null, "10.0.0.1", null, TIME, null, null, null, 400, 0L, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"GET  HTTP/1.1\" 400 0",
            LogFormat.COMMON,
            unparsed(
                "GET  HTTP/1.1",
                req(null, "10.0.0.1", null, TIME, null, null, null, 400, 0L, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"\\x03\\x00\\x00/*\\xe0 x\" 400 0",
            LogFormat.COMMON,
            unparsed(
                "\\x03\\x00\\x00/*\\xe0 x",
                req(null, "10.0.0.1", null, TIME, null, null, null, 400, 0L, null, null))),
        of(
            "10.0.0.1 - - " + T + " \"get /x HTTP/1.1\" - -",
            LogFormat.COMMON,
            req(null, "10.0.0.1", null, TIME, "get", "/x", "HTTP/1.1", null, null, null, null)),
        of(
            "10.0.0.1 - - " + T + " \"PROPFIND /dav/ HTTP/2.0\" 207 0",
            LogFormat.COMMON,
            req(
                null,
                "10.0.0.1",
                null,
                TIME,
                "PROPFIND",
                "/dav/",
                "HTTP/2.0",
                207,
                0L,
                null,
                null)),
        of(
            "10.0.0.1 - - " + T + " \"GET /a b HTTP/1.1\" 404 0",
            LogFormat.COMMON,
            req(null, "10.0.0.1", null, TIME, "GET", "/a b", "HTTP/1.1", 404, 0L, null, null)),
        of(
            "10.0.0.1 - - " + T + " \"GET /a b\" 404 0",
            LogFormat.COMMON,
            req(null, "10.0.0.1", null, TIME, "GET", "/a b", null, 404, 0L, null, null)),
        of(
            "2001:db8::1 - - " + T + " \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"\r",
            LogFormat.COMBINED,
            req(null, "2001:db8::1", null, TIME, "GET", "/", "HTTP/1.1", 200, 1L, null, null)),
        of(
            "host.example.net  -  alice  " + T + "  \"GET / HTTP/1.1\"  200  1 \"-\" \"-\"   ",
            LogFormat.COMBINED,
            req(
                null,
                "host.example.net",
                "alice",
                TIME,
                "GET",
                "/",
                "HTTP/1.1",
                200,
                1L,
                null,
                null)),
        of(
            "10.0.0.1 - - [29/feb/2024:23:59:59 -0930] \"GET / HTTP/1.1\" 200 1",
            LogFormat.COMMON,
            req(
                null,
                "10.0.0.1",
                null,
                "2024-02-29T23:59:59-09:30",
                "GET",
                "/",
                "HTTP/1.1",
                200,
                1L,
                null,
                null)),
        of(
            "10.0.0.1 - - [01/DEC/1999:00:00:00 +1400] \"GET / HTTP/1.1\" 200 1",
            LogFormat.COMMON,
            req(
                null,
                "10.0.0.1",
                null,
                "1999-12-01T00:00+14:00",
                "GET",
                "/",
                "HTTP/1.1",
                200,
                1L,
                null,
                null)),
        of(
            "10.0.0.1 - - " + T + " \"GET " + LONG_PATH + " HTTP/1.1\" 414 226 \"-\" \"x\"",
            LogFormat.COMBINED,
            req(null, "10.0.0.1", null, TIME, "GET", LONG_PATH, "HTTP/1.1", 414, 226L, null, "x")));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void readsEveryField(String line, LogFormat format, Request expected) {
    assertEquals(expected, LineParser.parse(line, format), line);
  }

  private static Arguments of(String line, LogFormat format, Request expected) {
    return Arguments.of(line, format, expected);
  }

  private static Request guide(String time, String target, Integer status, Long bytes) {
    return req(
        null,
        "surf.wil.net",
        null,
        "1998-11-23T" + time + "+09:00",
        "GET",
        target,
        null,
        status,
        bytes,
        null,
        null);
  }

  private static Request unparsed(String requestLine, Request r) {
    return new Request(
        r.vhost(),
        r.port(),
        r.host(),
        r.user(),
        r.time(),
        r.method(),
        r.target(),
        r.protocol(),
        r.status(),
        r.bytes(),
        r.referer(),
        r.userAgent(),
        r.extras(),
        requestLine);
  }

  private static Request withPort(int port, Request r) {
    return new Request(
        r.vhost(),
        port,
        r.host(),
        r.user(),
        r.time(),
        r.method(),
        r.target(),
        r.protocol(),
        r.status(),
        r.bytes(),
        r.referer(),
        r.userAgent(),
        r.extras());
  }

  private static Request req(
      String vhost,
      String host,
      String user,
      String time,
      String method,
      String target,
      String protocol,
      Integer status,
      Long bytes,
      String referer,
      String agent,
      String... extras) {
    return new Request(
        vhost,
        host,
        user,
        OffsetDateTime.parse(time),
        method,
        target,
        protocol,
        status,
        bytes,
        referer,
        agent,
        List.of(extras));
  }
}
