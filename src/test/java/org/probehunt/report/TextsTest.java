package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
