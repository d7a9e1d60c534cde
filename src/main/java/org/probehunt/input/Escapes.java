package org.probehunt.input;

/** Apache-style {@code \xhh} escaping of raw log bytes and of archive member names. */
final class Escapes {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Escapes() {}

  /** True for bytes Apache writes as they are: printable ASCII and TAB. */
  static boolean isPlain(int b) {
    return (b >= 0x20 && b < 0x7f) || b == '\t';
  }

  /**
   * Decodes bytes as Apache escapes log items: printable ASCII as is, every other byte as {@code
   * \xhh}. Lossless for any byte sequence, unlike a charset decoder with U+FFFD.
   */
  static String bytes(byte[] buf, int off, int len) {
    StringBuilder out = new StringBuilder(len + 16);
    for (int i = off, end = off + len; i < end; i++) {
      int b = buf[i] & 0xff;
      if (isPlain(b)) {
        out.append((char) b);
      } else {
        hex(out, b);
      }
    }
    return out.toString();
  }

  /**
   * How many of the {@code len} bytes at {@code off} fit in {@code maxChars} characters once
   * escaped, so that a line of NUL bytes is cut at the same length in characters as any other.
   */
  static int fit(byte[] buf, int off, int len, int maxChars) {
    long chars = 0;
    for (int i = 0; i < len; i++) {
      chars += isPlain(buf[off + i] & 0xff) ? 1 : 4;
      if (chars > maxChars) {
        return i;
      }
    }
    return len;
  }

  /** Escapes control characters so a stored name cannot break a CSV row or a terminal. */
  static String controls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          hex(out, c);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static void hex(StringBuilder out, int b) {
    out.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xf]);
  }
}
