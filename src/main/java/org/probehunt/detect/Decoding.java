package org.probehunt.detect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Percent-decoding as lenient as the servers that scanners try to fool. */
final class Decoding {

  private Decoding() {}

  /**
   * Decodes {@code %hh}, IIS's {@code %uhhhh} and the log's own {@code \xhh} twice (scanners
   * double-encode to get past filters that decode once), reads IIS's overlong UTF-8 forms such as
   * {@code %c0%af} as the ASCII they smuggle, then lower-cases.
   */
  @SuppressWarnings("ReferenceEquality") // the same instance back means "nothing decoded"
  static String value(String raw, boolean plusIsSpace) {
    if (raw == null) {
      return null;
    }
    String once = once(raw, plusIsSpace);
    String twice = once == raw ? raw : once(once, false);
    if (twice != raw) {
      twice = utf8(overlong(twice));
    }
    return twice.toLowerCase(Locale.ROOT);
  }

  /** One decoding pass; returns the same instance when there is nothing to decode. */
  static String once(String s, boolean plusIsSpace) {
    int n = s.length();
    int i = 0;
    while (i < n
        && s.charAt(i) != '%'
        && s.charAt(i) != '\\'
        && !(plusIsSpace && s.charAt(i) == '+')) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < n && hex(s, i + 1, 2) >= 0) {
        out.append((char) hex(s, i + 1, 2));
        i += 2;
      } else if (c == '%'
          && i + 5 < n
          && (s.charAt(i + 1) | 0x20) == 'u'
          && hex(s, i + 2, 4) >= 0) {
        out.append((char) hex(s, i + 2, 4));
        i += 5;
      } else if (c == '\\' && i + 3 < n && s.charAt(i + 1) == 'x' && hex(s, i + 2, 2) >= 0) {
        out.append((char) hex(s, i + 2, 2));
        i += 3;
      } else {
        out.append(plusIsSpace && c == '+' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Decodes IIS-style overlong sequences (two-byte C0/C1 xx, three-byte E0 80 xx) to ASCII. */
  static String overlong(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int skip = 0;
      char ascii = 0;
      if ((c == 0xC0 || c == 0xC1)
          && i + 1 < s.length()
          && s.charAt(i + 1) >= 0x80
          && s.charAt(i + 1) <= 0xFF) {
        ascii = (char) (((c & 0x1F) << 6) | (s.charAt(i + 1) & 0x3F));
        skip = 1;
      } else if (c == 0xE0
          && i + 2 < s.length()
          && s.charAt(i + 1) == 0x80
          && s.charAt(i + 2) >= 0x80
          && s.charAt(i + 2) <= 0xBF) {
        ascii = (char) (s.charAt(i + 2) & 0x3F);
        skip = 2;
      }
      if (skip > 0 && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(skip > 0 ? ascii : c);
      }
      i += skip;
    }
    return out == null ? s : out.toString();
  }

  /** Reads decoded bytes (held one per char) as UTF-8 when they form valid UTF-8. */
  private static String utf8(String s) {
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return s; // %uhhhh already produced real characters
      }
      bytes[i] = (byte) c;
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return s; // not UTF-8: one char per byte is as good as any reading for ASCII patterns
    }
  }

  private static int hex(String s, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = s.charAt(i);
      int d =
          c >= '0' && c <= '9'
              ? c - '0'
              : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }
}
