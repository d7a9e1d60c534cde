package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
