package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AWS Application and Classic Load Balancer lines. */
class ElbLogTest {
  static final String TAIL =
      " ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
          + " arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/73e2d6bc24d8a067"
          + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"www.example.jp\" \"-\" 0"
          + " 2025-10-01T00:00:01.100000Z \"forward\" \"-\" \"-\" \"10.0.1.7:80\" \"200\" \"-\""
          + " \"-\" TID_1234";

  static String alb(String type, String client, String statuses, String request, String agent) {
    return type
        + " 2025-10-01T00:00:01.123456Z app/web/50dc6c495c0c9188 "
        + client
        + " 10.0.1.7:80 0.001 0.020 0.000 "
        + statuses
        + " 230 5120 \""
        + request
        + "\" \""
        + agent
        + "\""
        + TAIL;
  }

  @Test
  void anApplicationLoadBalancerLineGivesThePathItsHostAndTheClient() {
    String line =
        alb(
            "https",
            "192.0.2.8:52110",
            "404 404",
            "GET https://www.example.jp:443/.env?x=1 HTTP/1.1",
            "Mozilla/5.0 (X11; Linux x86_64)");
    Request r = assertInstanceOf(Request.class, LineParser.parse(line, LogFormat.AWS_ALB));
    assertEquals("192.0.2.8", r.host());
    assertEquals(OffsetDateTime.parse("2025-10-01T00:00:01.123456Z"), r.time());
    assertEquals("GET", r.method());
    assertEquals("/.env?x=1", r.target());
    assertEquals("HTTP/1.1", r.protocol());
    assertEquals("www.example.jp", r.vhost());
    assertEquals(443, r.port());
    assertEquals(404, r.status());
    assertEquals(5120L, r.bytes());
    assertEquals("Mozilla/5.0 (X11; Linux x86_64)", r.userAgent());
    assertNull(r.requestLine());
  }

  @Test
  void clientsInEveryFormAndRequestsTheBalancerCouldNotRead() {
    Request v6 =
        (Request)
            LineParser.parse(
                alb("h2", "2001:DB8::5:51234", "200 200", "GET http://a.example:80 HTTP/2.0", "-"),
                LogFormat.AWS_ALB);
    assertEquals("2001:db8::5", v6.host());
    assertEquals("/", v6.target());
    assertNull(v6.userAgent());
    Request bracketed =
        (Request)
            LineParser.parse(
                alb("http", "[2001:db8::6]:1", "200 200", "GET http://a.example/ HTTP/1.1", "x"),
                LogFormat.AWS_ALB);
    assertEquals("2001:db8::6", bracketed.host());
    assertNull(bracketed.port());
    Request malformed =
        (Request)
            LineParser.parse(
                alb("http", "192.0.2.9:1", "400 -", "- http://www.example.jp:80- ", "-"),
                LogFormat.AWS_ALB);
    assertNull(malformed.method());
    assertNull(malformed.target());
    assertEquals("- http://www.example.jp:80- ", malformed.requestLine());
    assertEquals(400, malformed.status());
    assertEquals(
        new Rejection("no client"),
        LineParser.parse(alb("http", "-", "400 -", "-", "-"), LogFormat.AWS_ALB));
    assertEquals(
        new Rejection("bad status"),
        LineParser.parse(alb("http", "192.0.2.9:1", "4x0 -", "-", "-"), LogFormat.AWS_ALB));
  }

  @Test
  void classicLoadBalancerLinesStartWithTheTime() {
    String line =
        "2025-10-01T00:00:02.000000Z my-elb 192.0.2.30:2817 10.0.0.1:80 0.000073 0.001048"
            + " 0.000057 200 200 0 29 \"GET http://www.example.jp:80/index.html HTTP/1.1\""
            + " \"curl/8.0\" - -";
    String tcp =
        "2025-10-01T00:00:03.000000Z my-elb 192.0.2.31:2818 10.0.0.1:80 0.000073 0.001048"
            + " 0.000057 - - 57 502 \"- - - \" \"-\" - -";
    assertEquals(
        Optional.of(LogFormat.AWS_ELB), FormatCatalog.builtIns().detect(List.of(line, tcp)));
    Request r = (Request) LineParser.parse(line, LogFormat.AWS_ELB);
    assertEquals("192.0.2.30", r.host());
    assertEquals("/index.html", r.target());
    assertEquals("curl/8.0", r.userAgent());
    Request t = (Request) LineParser.parse(tcp, LogFormat.AWS_ELB);
    assertEquals("- - - ", t.requestLine());
    assertNull(t.status());
    assertEquals(new Rejection("bad time"), LineParser.parse(line, LogFormat.AWS_ALB));
  }

  @Test
  void detectionNeedsMostLinesToRead() {
    String alb = alb("https", "192.0.2.8:1", "200 200", "GET https://a.example:443/ HTTP/1.1", "x");
    String combined =
        "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"";
    FormatCatalog catalog = FormatCatalog.builtIns();
    assertEquals(Optional.of(LogFormat.AWS_ALB), catalog.detect(List.of(alb, "", alb, combined)));
    assertEquals(Optional.of(LogFormat.COMBINED), catalog.detect(List.of(alb, combined, combined)));
    assertEquals(new Rejection("bad time"), LineParser.parse(combined, LogFormat.AWS_ALB));
  }
}
