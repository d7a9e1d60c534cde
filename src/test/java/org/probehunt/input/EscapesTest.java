package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Escaping of raw bytes and of stored names. */
class EscapesTest {

  @Test
  void everyByteValueRoundTripsToPlainOrHex() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String text = Escapes.bytes(all, 0, all.length);
    assertEquals("\\x00", text.substring(0, 4));
    assertEquals(" !", text.substring(text.indexOf(' '), text.indexOf(' ') + 2));
    assertEquals("~\\x7f\\x80", text.substring(text.indexOf('~'), text.indexOf('~') + 9));
    assertEquals(256 - 95 - 1, (text.length() - 95 - 1) / 4, "escaped bytes");
  }

  @Test
  void namesKeepUnicodeButLoseControls() {
    assertEquals("logs/acc\\x0aess\\x1b.log", Escapes.controls("logs/acc\ness\u001b.log"));
    String clean = "ログ/access_log";
    assertSame(clean, Escapes.controls(clean));
  }
}
