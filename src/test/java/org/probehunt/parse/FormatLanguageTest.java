package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Apache and nginx format strings compile into parsers that read their own lines. */
class FormatLanguageTest {
  private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-10-01T12:00:01+09:00");

  private static Request read(String spec, String line) {
    ParseResult result = LineParser.parse(line, LogFormat.of(spec));
    return assertInstanceOf(Request.class, result, () -> line + " -> " + result);
  }

  @Test
  void readsApacheFormatWithHeadersVhostAndPort() {
    Request r =
        read(
            "%v %p %a %l %u %t \"%r\" %>s %b %D \"%{Referer}i\" \"%{User-Agent}i\""
                + " \"%{X-Forwarded-For}i\"",
            "www.example.jp 443 203.0.113.9 - alice [01/Oct/2025:12:00:01 +0900]"
                + " \"GET /cgi-bin/phf?Qalias=x HTTP/1.0\" 404 196 1234 \"-\" \"Mozilla/5.0 (x)\""
                + " \"198.51.100.7, 10.0.0.1\"");
    assertEquals("www.example.jp", r.vhost());
    assertEquals(443, r.port());
    assertEquals("203.0.113.9", r.host());
    assertEquals("alice", r.user());
    assertEquals(NOON, r.time());
    assertEquals("GET", r.method());
    assertEquals("/cgi-bin/phf?Qalias=x", r.target());
    assertEquals("HTTP/1.0", r.protocol());
    assertEquals(404, r.status());
    assertEquals(196L, r.bytes());
    assertEquals(null, r.referer());
    assertEquals("Mozilla/5.0 (x)", r.userAgent());
    assertEquals(List.of("198.51.100.7, 10.0.0.1"), r.extras());
  }

  @Test
  void readsApacheFormatFromPartsAndStrftimeTime() {
    Request r =
        read(
            "\"%h %{%Y-%m-%d %H:%M:%S %z}t %m %U%q %H %s %B %O %I %T %V\"",
            "SURF.wil.net 2025-10-01 12:00:01 +0900 POST /x.php?a=1 HTTP/1.1 200 5 300 90 0"
                + " www");
    assertEquals("surf.wil.net", r.host());
    assertEquals(NOON, r.time());
    assertEquals("POST", r.method());
    assertEquals("/x.php?a=1", r.target());
    assertEquals(5L, r.bytes());
    assertEquals("www", r.vhost());
  }

  @Test
  void readsNginxFormat() {
    Request r =
        read(
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
                + " \"$http_referer\" \"$http_user_agent\" $request_time $host:$server_port"
                + " \"$http_x_forwarded_for\"",
            "2001:DB8::7 - - [01/Oct/2025:12:00:01 +0900] \"GET /.env HTTP/1.1\" 404 153 \"-\""
                + " \"Go-http-client/1.1\" 0.001 example.jp:8080 \"-\"");
    assertEquals("2001:db8::7", r.host());
    assertEquals(NOON, r.time());
    assertEquals("/.env", r.target());
    assertEquals("Go-http-client/1.1", r.userAgent());
    assertEquals("example.jp", r.vhost());
    assertEquals(8080, r.port());
    assertEquals(List.of("-"), r.extras());
  }

  @Test
  void readsNginxIsoAndEpochTimesAndParts() {
    Request iso =
        read(
            "$time_iso8601 $remote_addr $request_method $request_uri $server_protocol $status"
                + " $bytes_sent",
            "2025-10-01T12:00:01+09:00 192.0.2.1 GET /a?b=c HTTP/2.0 200 512");
    assertEquals(NOON, iso.time());
    assertEquals("/a?b=c", iso.target());
    assertEquals(512L, iso.bytes());
    Request msec =
        read("$msec $remote_addr $uri $args $status", "1759287601.250 192.0.2.1 /a b=c 200");
    assertEquals(NOON.toInstant().plusMillis(250), msec.time().toInstant());
    assertEquals("/a?b=c", msec.target());
  }

  /**
   * Every log time is written with a four-digit year, except epoch counts and ISO-8601, which can
   * name any year: beyond 9999 or before 0 is a bad time, as no mail Date could be written for it.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$msec $remote_addr $status|999999999999999999.5 192.0.2.1 200",
        "$msec $remote_addr $status|253402300800 192.0.2.1 200",
        "%h %{sec}t %>s|192.0.2.1 99999999999999999 200",
        "%h %{msec}t %>s|192.0.2.1 999999999999999999 200",
        "%h %{usec}t %>s|192.0.2.1 253402300800000000 200",
        "$time_iso8601 $remote_addr $status|+10000-01-01T00:00:00+00:00 192.0.2.1 200",
        "$time_iso8601 $remote_addr $status|-0001-12-31T00:00:00+00:00 192.0.2.1 200",
        "%h %{%F %T}t %>s|192.0.2.1 +10000-01-01 00:00:00 200"
      })
  void aTimeOutsideTheYears0To9999IsABadTime(String spec, String line) {
    assertEquals(new Rejection("bad time"), LineParser.parse(line, LogFormat.of(spec)));
  }

  @Test
  void epochTimesAreReadUpToTheLastSecondOf9999() {
    assertEquals(
        OffsetDateTime.parse("9999-12-31T23:59:59.123456789Z"),
        read("$msec $remote_addr $status", "253402300799.1234567899 192.0.2.1 200").time());
    assertEquals(
        OffsetDateTime.parse("9999-12-31T23:59:59.999Z"),
        read("%h %{msec}t %>s", "192.0.2.1 253402300799999 200").time());
    assertEquals(
        OffsetDateTime.parse("1970-01-01T00:00:00.000001Z"),
        read("%h %{usec}t %>s", "192.0.2.1 1 200").time());
    assertEquals(
        OffsetDateTime.parse("2025-10-01T03:00:01.2Z"),
        read("$msec $remote_addr $status", "1759287601.2 192.0.2.1 200").time());
    assertEquals(
        OffsetDateTime.parse("2025-10-01T03:00:01Z"),
        read("$msec $remote_addr $status", "1759287601. 192.0.2.1 200").time());
    assertEquals(
        new Rejection("bad time"),
        LineParser.parse(
            "1759287601.2x 192.0.2.1 200", LogFormat.of("$msec $remote_addr $status")));
    assertEquals(
        new Rejection("bad time"),
        LineParser.parse("192.0.2.1 1759287601.2 200", LogFormat.of("%h %{msec}t %>s")));
  }

  @Test
  void tlsHandshakeInCustomFormatIsARequestWithItsRawRequestLine() {
    Request r =
        read(
            "%h %l %u %t \"%r\" %>s %b",
            "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900]"
                + " \"\\x16\\x03\\x01\\x00\\xa5\\x01\" 400 226");
    assertEquals(null, r.method());
    assertEquals(null, r.target());
    assertEquals("\\x16\\x03\\x01\\x00\\xa5\\x01", r.requestLine());
    assertEquals(400, r.status());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 2x0 1|bad status",
        "192.0.2.1 - - [01/Oct/2025:99:00:01 +0900] \"GET / HTTP/1.1\" 200 1|bad time",
        "192.0.2.1 - - \"GET / HTTP/1.1\" 200 1|bad time",
        "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1 200 1|unterminated quote",
        "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200 x|bad bytes",
        "192.0.2.1 - -|missing fields",
        "- - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200 1|no client",
        "   |empty"
      })
  void rejectsLikeTheBuiltIns(String line, String reason) {
    assertEquals(
        new Rejection(reason), LineParser.parse(line, LogFormat.of("%h %l %u %t \"%r\" %>s %b")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "%h %l %u %t \"%r\" %>s %Z|unknown directive %Z in log format",
        "%h %t %{Referer}|log format ends inside a directive: %{Referer}",
        "%h %t %i|%i in log format needs a header name in braces",
        "%h%l %t|log format needs a separator between %h and %l",
        "%l %u %t \"%r\"|log format has no client (%h, %a or $remote_addr)",
        "%h \"%r\" %>s|log format has no time (%t or $time_local)",
        "%h %{%Y %Q}t|unknown time conversion %Q in %{%Y %Q}t",
        "$remote_addr [$time_local] $bogus_thing|unknown variable $bogus_thing in log format"
      })
  void namesWhatIsWrong(String spec, String message) {
    assertEquals(
        message, assertThrows(FormatException.class, () -> LogFormat.of(spec)).getMessage());
  }

  @Test
  void namesBuiltInsAndSurvivesSerialisation() throws Exception {
    assertTrue(LogFormat.of("Combined") == LogFormat.COMBINED);
    LogFormat custom = LogFormat.of("%h %t \"%r\" %>s");
    for (LogFormat format : List.of(LogFormat.VHOST_COMBINED, LogFormat.SSL_REQUEST_LOG, custom)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(format);
      }
      LogFormat back;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        back = (LogFormat) in.readObject();
      }
      assertEquals(format.label(), back.label());
      if (format != custom) {
        assertTrue(back == format, format.label());
      }
      assertInstanceOf(
          Request.class,
          LineParser.parse(
              format == LogFormat.VHOST_COMBINED
                  ? "www:80 192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200 1"
                  : format == custom
                      ? "192.0.2.1 [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200"
                      : "[01/Oct/2025:12:00:01 +0900] 192.0.2.1 TLSv1.3 X \"GET / HTTP/1.1\" 1",
              back));
    }
  }

  @Test
  void readsNamedFormatsAndNamesFileAndLine() {
    FormatCatalog catalog =
        FormatCatalog.read(
            "formats.txt", List.of("# ours", "", "edge = %a %t \"%r\" %>s %b \"%{Host}i\""));
    assertEquals("edge", catalog.named().get(0).label());
    FormatException e =
        assertThrows(
            FormatException.class,
            () -> FormatCatalog.read("formats.txt", List.of("# ours", "bad = %h %t %J")));
    assertEquals("formats.txt:2: unknown directive %J in log format", e.getMessage());
    e =
        assertThrows(
            FormatException.class, () -> FormatCatalog.read("f", List.of("combined = %h %t")));
    assertEquals("f:1: format name 'combined' is already taken", e.getMessage());
  }
}
