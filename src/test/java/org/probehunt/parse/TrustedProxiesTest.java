package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which client a line logged by a trusted proxy belongs to, in every format that logs one. */
class TrustedProxiesTest {
  private static final TrustedProxies TRUSTED =
      TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8:ff::/48,192.0.2.20"));

  private static final String COMBINED_EXTRA =
      "%s - - [01/Oct/2025:12:00:01 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 196 \"-\" \"x\" \"%s\"";

  /**
   * The combined_extra line of {@code client}, forwarding for {@code xff}, as the file reads it.
   */
  private static Request combinedExtra(String client, String xff) {
    FileParser parser = FormatCatalog.forced(LogFormat.COMBINED_EXTRA).behind(TRUSTED);
    ParseResult result = parser.parse(String.format(COMBINED_EXTRA, client, xff));
    return assertInstanceOf(Request.class, result, () -> client + " " + xff + " -> " + result);
  }

  @ParameterizedTest(name = "{0} via {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the address the trusted proxy appended; trusted hops to its right are skipped
        "10.0.0.9 | 1.2.3.4, 10.0.0.5 | 1.2.3.4",
        "10.0.0.9 | 1.2.3.4 | 1.2.3.4",
        // entries left of the first untrusted one are the client's own words: forged
        "10.0.0.9 | 6.6.6.6, 1.2.3.4, 10.0.0.5 | 1.2.3.4",
        "10.0.0.9 | not-an-address, 1.2.3.4 | 1.2.3.4",
        // canonical forms, as other clients have them; ports dropped
        "10.0.0.9 | 2001:DB8::0:1 | 2001:db8::1",
        "10.0.0.9 | ::ffff:198.51.100.7 | 198.51.100.7",
        "10.0.0.9 | [2001:db8::2]:4711 | 2001:db8::2",
        "10.0.0.9 | 198.51.100.8:51234 | 198.51.100.8",
        "2001:db8:ff::1 | 198.51.100.9 | 198.51.100.9",
        "[2001:DB8:FF::1] | 198.51.100.9, 2001:db8:ff:0::7 | 198.51.100.9",
      })
  void aTrustedProxysLineIsTheClientItForwardedFor(String proxy, String xff, String client) {
    Request r = combinedExtra(proxy, xff);
    assertEquals(client, r.host(), xff);
    assertEquals(ClientHosts.canonical(proxy), r.proxy(), "the logged proxy is kept");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-",
        "unknown",
        "",
        "1.2.3.4, evil.example",
        "1.2.3.4, <script>alert(1)</script>",
        "10.0.0.1, 10.0.0.2",
        "1.2.3.4.5",
        "1.2.3.4/8",
        "[1.2.3.4]"
      })
  void garbageInForwardedForLeavesTheLineToTheProxy(String xff) {
    Request r = combinedExtra("10.0.0.9", xff);
    assertEquals("10.0.0.9", r.host(), xff);
    assertNull(r.proxy(), xff);
  }

  @Test
  void anUntrustedClientKeepsItsAddressWhateverItForwards() {
    Request r = combinedExtra("203.0.113.7", "1.2.3.4, 10.0.0.5");
    assertEquals("203.0.113.7", r.host());
    assertNull(r.proxy());
    assertEquals("203.0.113.7", combinedExtra("203.0.113.7", "1.2.3.4").host());
  }

  @Test
  void withoutTrustedProxiesNothingIsReplaced() {
    String line = String.format(COMBINED_EXTRA, "10.0.0.9", "1.2.3.4");
    ParseResult plain = FormatCatalog.forced(LogFormat.COMBINED_EXTRA).parse(line);
    assertEquals("10.0.0.9", ((Request) plain).host());
    Request r = (Request) LineParser.parse(line, LogFormat.COMBINED_EXTRA);
    assertSame(r, TrustedProxies.NONE.resolve(r, true));
  }

  @Test
  void realIpThenForwardedWhenForwardedForNamesNoOne() {
    Forwarding realIp = new Forwarding("unknown", " 198.51.100.1 ", "for=198.51.100.2");
    assertEquals("198.51.100.1", TRUSTED.client(realIp));
    Forwarding trustedRealIp = new Forwarding(null, "10.1.1.1", "for=198.51.100.2");
    assertEquals("198.51.100.2", TRUSTED.client(trustedRealIp));
    Forwarding rfc7239 =
        new Forwarding(
            null, null, "for=192.0.2.43;proto=http, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.1");
    assertEquals("2001:db8:cafe::17", TRUSTED.client(rfc7239));
    assertEquals(
        "192.0.2.43", TRUSTED.client(new Forwarding(null, null, "for=192.0.2.43, for=10.0.0.3")));
    assertNull(TRUSTED.client(new Forwarding(null, null, "for=unknown, for=10.0.0.3")));
    assertNull(TRUSTED.client(new Forwarding(null, null, "proto=https")));
  }

  @Test
  void customApacheAndNginxFormatsNameTheirForwardingHeaders() {
    String apache =
        "%h %l %u %t \"%r\" %>s %b \"%{User-Agent}i\" \"%{X-Real-IP}i\" \"%{X-Forwarded-For}i\"";
    String line =
        "10.0.0.9 - - [01/Oct/2025:12:00:01 +0900] \"GET /.env HTTP/1.1\" 404 0 \"x\" \"-\""
            + " \"198.51.100.7, 10.0.0.1\"";
    Request r = (Request) FormatCatalog.forced(LogFormat.of(apache)).behind(TRUSTED).parse(line);
    assertEquals("198.51.100.7", r.host());
    assertEquals("10.0.0.9", r.proxy());
    assertEquals(List.of("-", "198.51.100.7, 10.0.0.1"), r.extras(), "extras as before");

    String nginx =
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
            + " \"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"";
    String nginxLine =
        "10.0.0.9 - - [01/Oct/2025:12:00:01 +0900] \"GET /.env HTTP/1.1\" 404 0 \"-\" \"x\""
            + " \"198.51.100.6\"";
    Request n =
        (Request) FormatCatalog.forced(LogFormat.of(nginx)).behind(TRUSTED).parse(nginxLine);
    assertEquals("198.51.100.6", n.host());

    // A header that happens to come first is not X-Forwarded-For in a named format.
    String cookieFirst = "%h %l %u %t \"%r\" %>s %b \"%{Cookie}i\"";
    String cookieLine =
        "10.0.0.9 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200 5 \"198.51.100.5\"";
    Request c =
        (Request) FormatCatalog.forced(LogFormat.of(cookieFirst)).behind(TRUSTED).parse(cookieLine);
    assertEquals("10.0.0.9", c.host());
  }

  @Test
  void cloudFrontsForwardedForNamesTheViewer() {
    FileParser parser = FormatCatalog.forced(LogFormat.CLOUDFRONT).behind(TRUSTED);
    parser.parse(W3cLogTest.CLOUDFRONT_FIELDS);
    Request r = (Request) parser.parse(W3cLogTest.CLOUDFRONT_LINE);
    assertEquals("198.51.100.7", r.host());
    assertEquals("192.0.2.20", r.proxy());
  }

  @Test
  void caddyAndNginxJsonHeadersNameTheClient() {
    String caddy =
        "{\"level\":\"info\",\"ts\":1759276801.5,\"logger\":\"http.log.access\",\"msg\":\"handled"
            + " request\",\"request\":{\"remote_ip\":\"10.0.0.9\",\"client_ip\":\"10.0.0.9\","
            + "\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"www.example.jp\",\"uri\":"
            + "\"/.git/config\",\"headers\":{\"X-Forwarded-For\":[\"198.51.100.4\"]}},"
            + "\"status\":404,\"size\":0}";
    Request r = (Request) FormatCatalog.forced(LogFormat.CADDY_JSON).behind(TRUSTED).parse(caddy);
    assertEquals("198.51.100.4", r.host());
    String nginx =
        "{\"time_iso8601\":\"2025-10-01T12:00:01+09:00\",\"remote_addr\":\"10.0.0.9\","
            + "\"request\":\"GET /.env HTTP/1.1\",\"status\":\"404\",\"body_bytes_sent\":\"0\","
            + "\"http_x_real_ip\":\"198.51.100.3\"}";
    Request n = (Request) FormatCatalog.forced(LogFormat.NGINX_JSON).behind(TRUSTED).parse(nginx);
    assertEquals("198.51.100.3", n.host());
  }

  @Test
  void trustsAddressesInItsBlocksOnly() {
    assertTrue(TRUSTED.trusts("10.255.255.255"));
    assertTrue(TRUSTED.trusts("2001:db8:ff:ffff::1"));
    assertTrue(TRUSTED.trusts("192.0.2.20"));
    assertFalse(TRUSTED.trusts("192.0.2.21"));
    assertFalse(TRUSTED.trusts("11.0.0.0"));
    assertFalse(TRUSTED.trusts("2001:db8:100::1"));
    assertFalse(TRUSTED.trusts("proxy.example"), "names are never trusted");
    assertFalse(TrustedProxies.NONE.trusts("10.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "proxy.example",
        "10.0.0.0/8,bogus",
        "2001:db8::/129",
        "10.0.0.1 - 10.0.0.9",
        ""
      })
  void aBadBlockIsNamedInTheError(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of(spec)));
    String bad = spec.contains(",") ? spec.substring(spec.indexOf(',') + 1) : spec;
    assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
  }
}
