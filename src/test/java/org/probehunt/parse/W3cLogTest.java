package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probehunt.testing.LogFiles;

/** IIS and CloudFront W3C extended logs: directives, columns that change, their encodings. */
class W3cLogTest {
  static final List<String> IIS =
      LogFiles.with(
          LogFiles.IIS_HEADER,
          "2025-10-01 00:00:01 10.0.0.5 GET /default.aspx id=3 443 - 192.0.2.10"
              + " Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) https://www.example.jp/ 200 0 0 15",
          "2025-10-01 00:00:02 10.0.0.5 POST /login.aspx - 443 suzuki 2001:DB8::1 curl/8.0 - 302"
              + " 0 0 4",
          // IIS restarted with other fields: no date column, a host and a byte count.
          "#Software: Microsoft Internet Information Services 10.0",
          "#Version: 1.0",
          "#Date: 2025-10-02 06:00:00",
          "#Fields: time c-ip cs-method cs-uri-stem cs-uri-query cs-version cs-host s-port"
              + " sc-status sc-bytes cs(User-Agent) cs(Cookie)",
          "06:00:01.250 192.0.2.11 GET /.env - HTTP/1.1 www.example.jp:443 443 404 1245"
              + " Mozilla/5.0+zgrab/0.x a=b",
          "06:00:02 192.0.2.12 \\x16\\x03\\x01 - - - - 80 400 0 - -",
          "06:00:03 192.0.2.13 GET / - HTTP/1.1 - 80 200 10 - - surplus",
          "06:00:04 - GET / - HTTP/1.1 - 80 200 10 - -",
          "06:00:61 192.0.2.14 GET / - HTTP/1.1 - 80 200 10 - -");

  static final String CLOUDFRONT_FIELDS =
      "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status"
          + " cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
          + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for"
          + " ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version";

  static String cloudfront(String... columns) {
    return String.join("\t", columns);
  }

  static final String CLOUDFRONT_LINE =
      cloudfront(
          "2025-10-01",
          "00:00:01",
          "NRT57-C1",
          "5120",
          "192.0.2.20",
          "GET",
          "d111111abcdef8.cloudfront.net",
          "/wp-login.php",
          "404",
          "https://www.example.jp/a%20b",
          "Mozilla/5.0%20(X11;%20Linux%20x86_64)",
          "action=x",
          "-",
          "Error",
          "aBcD==",
          "www.example.jp",
          "https",
          "120",
          "0.002",
          "198.51.100.7,%20192.0.2.20",
          "TLSv1.3",
          "TLS_AES_128_GCM_SHA256",
          "Error",
          "HTTP/2.0");

  private static List<ParseResult> readAll(FileParser parser, List<String> lines) {
    List<ParseResult> results = new ArrayList<>();
    for (String line : lines) {
      results.add(parser.parse(line));
    }
    return results;
  }

  @Test
  void anIisFileFollowsItsFieldsDirectives() {
    FormatCatalog catalog = FormatCatalog.builtIns();
    Optional<LogFormat> detected = catalog.detect(IIS);
    assertEquals(Optional.of(LogFormat.W3C_IIS), detected);
    FileParser parser = catalog.parser(detected.get());
    List<ParseResult> results = readAll(parser, IIS);
    assertEquals(IIS.size(), results.size());
    for (int i : new int[] {0, 1, 2, 3, 6, 7, 8, 9}) {
      assertEquals(new Rejection("w3c directive"), results.get(i), IIS.get(i));
    }
    Request first = (Request) results.get(4);
    assertEquals("192.0.2.10", first.host());
    assertEquals(OffsetDateTime.parse("2025-10-01T00:00:01Z"), first.time());
    assertEquals("GET", first.method());
    assertEquals("/default.aspx?id=3", first.target());
    assertNull(first.protocol());
    assertEquals(200, first.status());
    assertNull(first.bytes());
    assertEquals("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", first.userAgent());
    assertEquals("https://www.example.jp/", first.referer());
    assertEquals(443, first.port());
    Request second = (Request) results.get(5);
    assertEquals("2001:db8::1", second.host());
    assertEquals("suzuki", second.user());
    assertEquals("/login.aspx", second.target());
    Request probe = (Request) results.get(10);
    assertEquals(OffsetDateTime.parse("2025-10-02T06:00:01.250Z"), probe.time());
    assertEquals("/.env", probe.target());
    assertEquals("HTTP/1.1", probe.protocol());
    assertEquals("www.example.jp", probe.vhost());
    assertEquals(1245L, probe.bytes());
    assertEquals("Mozilla/5.0 zgrab/0.x", probe.userAgent());
    assertEquals(List.of("a=b"), probe.extras());
    Request handshake = (Request) results.get(11);
    assertNull(handshake.method());
    assertNull(handshake.target());
    assertEquals("\\x16\\x03\\x01", handshake.requestLine());
    assertEquals(400, handshake.status());
    assertEquals(new Rejection("extra fields"), results.get(12));
    assertEquals(new Rejection("no client"), results.get(13));
    assertEquals(new Rejection("bad time"), results.get(14));
    assertEquals("w3c_iis", parser.labels());
  }

  @Test
  void theJoinBackFollowsTheDirectivesToo() {
    FileParser parser = FormatCatalog.builtIns().parser(LogFormat.W3C_IIS);
    List<Boolean> wanted = new ArrayList<>();
    for (String line : IIS) {
      wanted.add(parser.mayBeFrom(line, HostSet.of(Set.of("192.0.2.11", "2001:db8::1"))));
    }
    assertEquals(
        List.of(
            false, false, false, false, false, true, false, false, false, false, true, false, false,
            false, false),
        wanted);
  }

  @Test
  void cloudFrontIsTabSeparatedAndPercentEncoded() {
    List<String> file = List.of("#Version: 1.0", CLOUDFRONT_FIELDS, CLOUDFRONT_LINE);
    Optional<LogFormat> detected = FormatCatalog.builtIns().detect(file);
    assertEquals(Optional.of(LogFormat.CLOUDFRONT), detected);
    FileParser parser = FormatCatalog.builtIns().parser(detected.get());
    assertEquals(new Rejection("w3c directive"), parser.parse(file.get(0)));
    assertEquals(new Rejection("w3c directive"), parser.parse(file.get(1)));
    Request r = assertInstanceOf(Request.class, parser.parse(CLOUDFRONT_LINE));
    assertEquals("192.0.2.20", r.host());
    assertEquals("/wp-login.php?action=x", r.target());
    assertEquals("HTTP/2.0", r.protocol());
    assertEquals("www.example.jp", r.vhost());
    assertEquals(5120L, r.bytes());
    assertEquals(404, r.status());
    assertEquals("Mozilla/5.0 (X11; Linux x86_64)", r.userAgent());
    assertEquals("https://www.example.jp/a b", r.referer());
    assertEquals(List.of("198.51.100.7, 192.0.2.20"), r.extras());
    assertEquals("cloudfront", parser.labels());
  }

  @Test
  void cloudFrontLinesReadWithoutTheirDirectiveInTheStandardColumns() {
    // Today's 33 columns; the 24 above are a file whose directive says so.
    String today =
        cloudfront(
            CLOUDFRONT_LINE, "-", "-", "52311", "0.002", "Error", "text/html", "120", "-", "-");
    Request r = assertInstanceOf(Request.class, LineParser.parse(today, LogFormat.CLOUDFRONT));
    assertEquals("192.0.2.20", r.host());
    assertEquals(
        new Rejection("missing fields"), LineParser.parse(CLOUDFRONT_LINE, LogFormat.CLOUDFRONT));
    assertEquals(
        new Rejection("w3c directive"), LineParser.parse("#Version: 1.0", LogFormat.CLOUDFRONT));
  }

  @Test
  void badEscapesAndBadUtf8AreKeptAsLogged() {
    assertEquals("a%zz", W3cText.percentDecoded("a%zz", 0, 4));
    assertEquals("a%ff", W3cText.percentDecoded("a%ff", 0, 4));
    assertEquals("a%2", W3cText.percentDecoded("a%2", 0, 3));
    assertEquals("\u00e9", W3cText.percentDecoded("%C3%A9", 0, 6));
  }

  @Test
  void onlyFilesThatStartWithDirectivesAreW3c() {
    assertNull(W3cFile.detect(List.of("192.0.2.1 - - x", "#Fields: date time c-ip"), false));
    assertNull(W3cFile.detect(List.of("# my notes", "192.0.2.1 - - x"), false));
    assertEquals(
        LogFormat.W3C_IIS,
        W3cFile.detect(List.of("#Software: x", "#Version: 1.0", IIS.get(4)), false),
        "W3C's own directives, though no #Fields: comes among the first lines");
    assertEquals(
        LogFormat.W3C_IIS,
        W3cFile.detect(List.of("", "#Version: 1.0", "#Fields: date time c-ip"), false));
    assertTrue(LogFormat.byLabel("w3c_iis").isPresent());
    assertFalse(LogFormat.byLabel("w3c").isPresent());
  }

  @Test
  void aByteOrderMarkBeforeTheFirstDirectiveIsNoData() {
    for (String mark : List.of("\uFEFF", "\\xef\\xbb\\xbf")) {
      List<String> file = new ArrayList<>(IIS);
      file.set(0, mark + IIS.get(0));
      file.set(3, mark + IIS.get(3));
      assertEquals(Optional.of(LogFormat.W3C_IIS), FormatCatalog.builtIns().detect(file));
      List<ParseResult> results = readAll(FormatCatalog.builtIns().parser(LogFormat.W3C_IIS), file);
      assertEquals(new Rejection("w3c directive"), results.get(0));
      assertEquals(new Rejection("w3c directive"), results.get(3));
      assertInstanceOf(Request.class, results.get(4), mark);
    }
  }

  @Test
  void aForcedW3cFormatFollowsTheDirectivesToo() {
    FileParser parser = FormatCatalog.forced(LogFormat.W3C_IIS);
    List<ParseResult> results = readAll(parser, IIS);
    assertEquals("/.env", ((Request) results.get(10)).target());
    assertEquals(new Rejection("extra fields"), results.get(12));
    assertEquals("w3c_iis", parser.labels());
  }

  /** The IIS file above with its first header block cut off, as rotation may leave it. */
  private static final List<String> HEADLESS = IIS.subList(4, IIS.size());

  @Test
  void anIisNamedFileWithoutItsHeaderIsReadInIisDefaultFields() {
    FormatCatalog catalog = FormatCatalog.builtIns();
    for (String source :
        List.of(
            "/logs/W3SVC1/u_ex251001.log",
            "/logs/ex25100113.log.gz",
            "/logs/iis.zip!W3SVC1/u_ex251001_x.log")) {
      Optional<LogFormat> detected = catalog.detect(source, HEADLESS);
      assertEquals(Optional.of(LogFormat.W3C_IIS), detected, source);
      FileParser parser = catalog.parser(detected.get(), source);
      List<ParseResult> results = readAll(parser, HEADLESS);
      Request first = assertInstanceOf(Request.class, results.get(0), source);
      Request read =
          assertInstanceOf(Request.class, LineParser.parse(IIS.get(4), LogFormat.W3C_IIS));
      assertEquals(read.host(), first.host());
      assertEquals(read.target(), first.target());
      assertEquals(read.time(), first.time());
      assertInstanceOf(Request.class, results.get(1));
      assertEquals(new Rejection("w3c directive"), results.get(2));
      assertEquals(
          "/.env", assertInstanceOf(Request.class, results.get(6)).target(), "then its #Fields:");
      assertEquals("w3c_iis", parser.labels());
    }
  }

  @Test
  void w3cDataLinesBeforeAnyFieldsElsewhereAreRejectedSayingSo() {
    FormatCatalog catalog = FormatCatalog.builtIns();
    for (List<String> file :
        List.of(HEADLESS, List.of("#Software: IIS", "#Version: 1.0", IIS.get(4), IIS.get(5)))) {
      String source = "/logs/www/access.log";
      Optional<LogFormat> detected = catalog.detect(source, file);
      assertEquals(Optional.of(LogFormat.W3C_IIS), detected, file.toString());
      FileParser parser = catalog.parser(detected.get(), source);
      List<ParseResult> results = readAll(parser, file);
      boolean fields = false;
      for (int i = 0; i < file.size(); i++) {
        String line = file.get(i);
        fields |= line.startsWith("#Fields:");
        if (line.startsWith("#")) {
          assertTrue(FileParser.isOther(results.get(i)), line);
        } else if (!fields) {
          assertEquals(new Rejection("no #Fields: directive"), results.get(i), line);
        }
      }
      if (file == HEADLESS) {
        assertEquals("/.env", assertInstanceOf(Request.class, results.get(6)).target());
      }
    }
    // A file of Apache lines keeps its format whatever its name.
    String combined =
        "192.0.2.1 - - [01/Oct/2025:00:00:01 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"";
    assertEquals(
        Optional.of(LogFormat.COMBINED),
        catalog.detect("/logs/u_ex251001.log", List.of(combined, combined)));
    assertFalse(W3cFile.iisName("/logs/access_log"));
    assertFalse(W3cFile.iisName("/logs/u_ex251001.log/access_log"));
  }
}
