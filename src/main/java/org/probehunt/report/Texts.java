package org.probehunt.report;

/** Text clean-up for anything taken from a log before it goes into a letter or a message. */
public final class Texts {
  private Texts() {}

  /**
   * Replaces control characters (CR, LF, escape and the like, tab excepted) with {@code \xhh},
   * the same escape the log reader uses for bytes it cannot decode, so a log line can never
   * start a new line of the letter.
   */
  public static String printable(String text) {
    if (clean(text)) {
      return text; // the common case: nothing to escape, no copy
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == 0x2028 || c == 0x2029) {
        out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** True when {@link #printable} would give {@code text} back unchanged. */
  private static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }
}
