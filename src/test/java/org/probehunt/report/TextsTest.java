package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a log's text becomes before it reaches a letter: control characters escaped, the rest kept.
 */
class TextsTest {
  @Test
  void keepsTextWithNothingToEscape() {
    for (String text :
        new String[] {"GET /cgi-bin/phf HTTP/1.0", "a\tb", "日本語のログ 😀", "\u00a0", ""}) {
      assertSame(text, Texts.printable(text), text);
    }
  }

  @Test
  void escapesControlCharactersAndLineSeparators() {
    assertEquals("a\\x1b[31mb", Texts.printable("a\u001b[31mb"));
    assertEquals("line\\x0d\\x0aSubject: x", Texts.printable("line\r\nSubject: x"));
    assertEquals("\\x7f\\x85\\x9f\u00a0", Texts.printable("\u007f\u0085\u009f\u00a0"));
    assertEquals("x\\u2028y\\u2029z", Texts.printable("x\u2028y\u2029z"));
    assertEquals("日本\\x0a😀", Texts.printable("日本\n😀"));
  }

  @Test
  void cellsLoseTheTabToo() {
    assertEquals("a\\x09b\\x1b", Texts.withoutControls("a\tb\u001b"));
    assertEquals("a\tb", Texts.printable("a\tb"), "letters keep their tabs");
    String clean = "GET /cgi-bin/phf HTTP/1.0";
    assertSame(clean, Texts.withoutControls(clean));
  }

  @Test
  void splitsAsStringSplitDoesWithAllItsParts() {
    for (String text :
        new String[] {
          "", ";", ";;", "a", "a;b", "a;;b", ";a", "a;", ";a;", "web-app;scan;", "日本;語", "a;b;c;d;e"
        }) {
      assertEquals(Arrays.asList(text.split(Pattern.quote(";"), -1)), Texts.split(text, ';'), text);
      assertEquals(
          Arrays.asList(text.replace(';', '.').split("\\.", -1)),
          Texts.split(text.replace(';', '.'), '.'),
          text);
    }
  }
}
