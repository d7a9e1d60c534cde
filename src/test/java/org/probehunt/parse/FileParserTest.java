package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A file's lines in its own format and in the others, and the formats it lists. */
class FileParserTest {
  private static final String T = "[01/Oct/2025:12:00:01 +0900]";
  private static final String COMBINED =
      "192.0.2.1 - - " + T + " \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"";
  private static final String COMMON = "192.0.2.2 - - " + T + " \"GET / HTTP/1.1\" 200 5";
  private static final String VHOST = "www.example.jp 192.0.2.3 - - " + T + " \"GET /\" 200 5";
  private static final String VHOST_PORT =
      "www.example.jp:80 192.0.2.4 - - " + T + " \"GET /\" 200 5";
  private static final String SSL = T + " 192.0.2.5 TLSv1.3 X \"GET / HTTP/1.1\" 5";
  private static final String CUSTOM = "192.0.2.6|" + T + "|GET /|200";

  @Test
  void readsEveryLayoutAndListsThemInCatalogOrder() {
    FormatCatalog catalog = FormatCatalog.read("f", List.of("pipes = %h|%t|%r|%>s"));
    FileParser parser =
        catalog.parser(catalog.detect(List.of(VHOST_PORT, VHOST_PORT)).orElseThrow());
    for (String line : List.of(VHOST_PORT, CUSTOM, SSL, COMMON, VHOST, COMBINED)) {
      assertInstanceOf(Request.class, parser.parse(line), line);
    }
    assertEquals(new Rejection("missing fields"), parser.parse("garbage"));
    assertEquals("common;combined;vhost_combined;ssl_request_log;pipes", parser.labels());
  }

  @Test
  void aUserNameWithSpacesIsReadAsApacheWritesIt() {
    FileParser parser = FormatCatalog.builtIns().parser(LogFormat.COMBINED);
    Request guess =
        (Request)
            parser.parse(
                "203.0.113.9 - admin  root "
                    + T
                    + " \"GET /private/ HTTP/1.1\" 401 381 \"-\" \"curl\"");
    assertEquals("admin  root", guess.user());
    assertEquals("/private/", guess.target());
    assertEquals(401, guess.status());
    // Quotes in a user name are escaped, so a request written into it is not taken for the line's.
    String fake = "x [01/Jan/2000:00:00:00 +0000] \\\"GET / HTTP/1.1\\\" 200";
    Request hidden =
        (Request)
            parser.parse(
                "203.0.113.9 - "
                    + fake
                    + " "
                    + T
                    + " \"GET /cgi-bin/phf HTTP/1.0\" 404 1 \"-\" \"-\"");
    assertEquals("/cgi-bin/phf", hidden.target());
    assertEquals(fake, hidden.user());
    assertEquals(OffsetDateTime.parse("2025-10-01T12:00:01+09:00"), hidden.time());
    // Shifted fields are no user name: an identd field that is not "-", or dashes alone.
    assertEquals(
        new Rejection("bad time"), parser.parse("192.0.2.1 - - - " + T + " \"GET /\" 200 5"));
    assertEquals(
        new Rejection("bad time"),
        parser.parse("192.0.2.1 10.0.0.1 a b c " + T + " \"GET /\" 200 5"));
    assertEquals(
        new Rejection("bad time"), parser.parse("192.0.2.1 - a b [01/Oct/2025] \"GET /\" 200 5"));
  }

  @Test
  void theDetectedFormatIsListedEvenWhenNoLineReadsInIt() {
    FileParser parser = FormatCatalog.builtIns().parser(LogFormat.COMBINED);
    assertInstanceOf(Request.class, parser.parse(VHOST));
    assertEquals("combined;vhost", parser.labels());
    assertEquals(null, FormatCatalog.builtIns().parser(null).labels());
  }

  @Test
  void aForcedFormatTriesNoOther() {
    FileParser parser = FormatCatalog.forced(LogFormat.COMBINED);
    assertEquals(new Rejection("bad time"), parser.parse(VHOST));
    assertFalse(parser.mayBeFrom(VHOST, HostSet.of(Set.of("192.0.2.3"))));
    assertEquals("combined", parser.labels());
  }

  @Test
  void theJoinBackFindsAHostInAnyLayout() {
    FileParser parser = FormatCatalog.builtIns().parser(LogFormat.COMBINED);
    assertTrue(parser.mayBeFrom(COMBINED, HostSet.of(Set.of("192.0.2.1"))));
    assertTrue(parser.mayBeFrom(VHOST, HostSet.of(Set.of("192.0.2.3"))));
    assertTrue(parser.mayBeFrom(SSL, HostSet.of(Set.of("192.0.2.5"))));
    assertFalse(parser.mayBeFrom(COMBINED, HostSet.of(Set.of("192.0.2.3"))));
  }
}
