package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Caddy, nginx escape=json and Traefik JSON access logs. */
class JsonLogTest {
  static final String CADDY_ACCESS =
      "{\"level\":\"info\",\"ts\":1759276801.5,\"logger\":\"http.log.access.log0\","
          + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"10.0.0.1\","
          + "\"remote_port\":\"51234\",\"client_ip\":\"192.0.2.40\",\"proto\":\"HTTP/2.0\","
          + "\"method\":\"GET\",\"host\":\"www.example.jp\",\"uri\":\"/.env?x=1\","
          + "\"headers\":{\"User-Agent\":[\"Mozilla/5.0 \\\"quoted\\\"\"],"
          + "\"Accept\":[\"*/*\"],\"X-Forwarded-For\":[\"192.0.2.40\",\"10.0.0.9\"]},"
          + "\"tls\":{\"resumed\":false,\"version\":772}},\"bytes_read\":0,\"user_id\":\"\","
          + "\"duration\":0.000123,\"size\":12,\"status\":404,"
          + "\"resp_headers\":{\"Server\":[\"Caddy\"]}}";
  static final String CADDY_TLS =
      "{\"level\":\"info\",\"ts\":1759276800.1,\"logger\":\"tls.obtain\","
          + "\"msg\":\"certificate obtained successfully\",\"identifier\":\"www.example.jp\"}";
  static final String NGINX =
      "{\"time_local\":\"01/Oct/2025:10:00:01 +0900\",\"remote_addr\":\"192.0.2.41\","
          + "\"remote_user\":\"\",\"request\":\"GET /wp-login.php HTTP/1.1\",\"status\":\"404\","
          + "\"body_bytes_sent\":\"153\",\"request_time\":\"0.001\",\"http_referer\":\"\","
          + "\"http_user_agent\":\"curl/8.0\",\"http_x_forwarded_for\":\"198.51.100.2\"}";
  static final String NGINX_HANDSHAKE =
      "{\"time_local\":\"01/Oct/2025:10:00:02 +0900\",\"remote_addr\":\"192.0.2.42\","
          + "\"request\":\"\\u0016\\u0003\\u0001\\x00\\xa5\",\"status\":\"400\","
          + "\"body_bytes_sent\":\"150\"}";
  static final String TRAEFIK =
      "{\"ClientAddr\":\"192.0.2.43:40000\",\"ClientHost\":\"192.0.2.43\","
          + "\"DownstreamContentSize\":19,\"DownstreamStatus\":404,\"RequestHost\":\"www.example.jp\","
          + "\"RequestMethod\":\"POST\",\"RequestPath\":\"/cgi-bin/luci\",\"RequestProtocol\":"
          + "\"HTTP/1.1\",\"StartUTC\":\"2025-10-01T01:00:00.123456789Z\","
          + "\"request_User-Agent\":\"Go-http-client/1.1\",\"time\":\"2025-10-01T01:00:00Z\"}";

  @Test
  void caddyEntriesAndOtherLoggersLines() {
    FormatCatalog catalog = FormatCatalog.builtIns();
    assertEquals(
        Optional.of(LogFormat.CADDY_JSON), catalog.detect(List.of(CADDY_TLS, CADDY_ACCESS)));
    FileParser parser = catalog.parser(LogFormat.CADDY_JSON);
    assertEquals(new Rejection("other logger"), parser.parse(CADDY_TLS));
    Request r = assertInstanceOf(Request.class, parser.parse(CADDY_ACCESS));
    assertEquals("192.0.2.40", r.host());
    assertEquals(OffsetDateTime.parse("2025-10-01T00:00:01.5Z"), r.time());
    assertEquals("GET", r.method());
    assertEquals("/.env?x=1", r.target());
    assertEquals("HTTP/2.0", r.protocol());
    assertEquals("www.example.jp", r.vhost());
    assertEquals(404, r.status());
    assertEquals(12L, r.bytes());
    assertEquals("Mozilla/5.0 \"quoted\"", r.userAgent());
    assertEquals(List.of("*/*", "192.0.2.40, 10.0.0.9"), r.extras());
    assertEquals("caddy_json", parser.labels());
  }

  @Test
  void nginxJsonWithVariableNamesAsKeys() {
    assertEquals(
        Optional.of(LogFormat.NGINX_JSON),
        FormatCatalog.builtIns().detect(List.of(NGINX, NGINX_HANDSHAKE)));
    Request r = (Request) LineParser.parse(NGINX, LogFormat.NGINX_JSON);
    assertEquals("192.0.2.41", r.host());
    assertNull(r.user());
    assertEquals(OffsetDateTime.parse("2025-10-01T10:00:01+09:00"), r.time());
    assertEquals("/wp-login.php", r.target());
    assertEquals(153L, r.bytes());
    assertNull(r.referer());
    assertEquals("curl/8.0", r.userAgent());
    assertEquals(List.of("198.51.100.2"), r.extras());
    Request handshake = (Request) LineParser.parse(NGINX_HANDSHAKE, LogFormat.NGINX_JSON);
    assertNull(handshake.method());
    assertEquals("\u0016\u0003\u0001\\x00\\xa5", handshake.requestLine());
  }

  @Test
  void traefikEntries() {
    assertEquals(
        Optional.of(LogFormat.TRAEFIK_JSON), FormatCatalog.builtIns().detect(List.of(TRAEFIK)));
    Request r = (Request) LineParser.parse(TRAEFIK, LogFormat.TRAEFIK_JSON);
    assertEquals("192.0.2.43", r.host());
    assertEquals("POST", r.method());
    assertEquals("/cgi-bin/luci", r.target());
    assertEquals("HTTP/1.1", r.protocol());
    assertEquals(404, r.status());
    assertEquals("Go-http-client/1.1", r.userAgent());
    assertEquals(OffsetDateTime.parse("2025-10-01T01:00:00Z"), r.time());
  }

  @Test
  void whatIsNoEntryIsRejectedWithItsReason() {
    assertEquals(new Rejection("bad json"), LineParser.parse("{\"a\":", LogFormat.CADDY_JSON));
    assertEquals(new Rejection("bad json"), LineParser.parse("{} trailing", LogFormat.CADDY_JSON));
    assertEquals(new Rejection("bad json"), LineParser.parse("[1,2]", LogFormat.CADDY_JSON));
    assertEquals(new Rejection("empty"), LineParser.parse("  ", LogFormat.CADDY_JSON));
    assertEquals(
        new Rejection("no client"),
        LineParser.parse("{\"status\":200,\"request\":\"GET /\"}", LogFormat.NGINX_JSON));
    assertEquals(
        new Rejection("bad time"),
        LineParser.parse(
            "{\"remote_addr\":\"192.0.2.1\",\"time_local\":\"yesterday\"}", LogFormat.NGINX_JSON));
    assertEquals(
        new Rejection("bad time"),
        LineParser.parse(
            CADDY_ACCESS.replace("1759276801.5", "999999999999999999.5"), LogFormat.CADDY_JSON));
    assertEquals(
        new Rejection("bad time"),
        LineParser.parse(
            "{\"remote_addr\":\"192.0.2.1\",\"time_iso8601\":\"+10000-01-01T00:00:00Z\"}",
            LogFormat.NGINX_JSON));
    assertEquals(
        new Rejection("bad status"),
        LineParser.parse(
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":\"1759276801.1\",\"status\":\"ok\"}",
            LogFormat.NGINX_JSON));
    assertNull(JsonLayout.detect(List.of("192.0.2.1 - - [x]", "{\"remote_addr\":\"1.2.3.4\"}")));
  }

  @Test
  void aNamedFormatThatReadsTheFileWinsOverTheBuiltInJsonReading() {
    // A compiled format's quoted field ends at a quote before a space: hence " , ".
    FormatCatalog catalog =
        FormatCatalog.read(
            "formats.txt",
            List.of(
                "mine = { \"remote_addr\": \"$remote_addr\" , \"time_local\": \"$time_local\" ,"
                    + " \"request\": \"$request\" , \"status\": $status }"));
    String line =
        "{ \"remote_addr\": \"192.0.2.1\" , \"time_local\": \"01/Oct/2025:10:00:01 +0900\" ,"
            + " \"request\": \"GET / HTTP/1.1\" , \"status\": 200 }";
    assertEquals(Optional.of(LogFormat.NGINX_JSON), FormatCatalog.builtIns().detect(List.of(line)));
    assertEquals("mine", catalog.detect(List.of(line)).orElseThrow().label());
  }
}
