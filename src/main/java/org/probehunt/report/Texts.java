package org.probehunt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Text clean-up for anything taken from a log before it goes into a letter, a message or a cell;
 * the quoting of a user's text in an error message; and the splitting of the reports' joined lists.
 */
public final class Texts {
  private Texts() {}

  /**
   * Replaces control characters (CR, LF, escape and the like, tab excepted) with {@code \xhh}, the
   * same escape the log reader uses for bytes it cannot decode, so a log line can never start a new
   * line of the letter.
   */
  public static String printable(String text) {
    return escaped(text, true);
  }

  /**
   * A text from the user's files or settings as an error message quotes it: its first {@code max}
   * characters, with "..." after a longer one, made {@link #printable}, so that the message stays
   * one short line whatever the text holds.
   */
  public static String quoted(String text, int max) {
    return printable(text.length() > max ? text.substring(0, max) + "..." : text);
  }

  /**
   * The parts of {@code text} between each {@code separator}, empty ones included, as {@code
   * text.split(Pattern.quote(separator), -1)} gives them: reports join lists of rules, categories
   * and addresses with one character, and a task splits them for every host, where String.split's
   * regular-expression machinery, compiled by the JIT for each run, cost more than the splitting.
   */
  public static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf(separator); end >= 0; end = text.indexOf(separator, start)) {
      parts.add(text.substring(start, end));
      start = end + 1;
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Replaces every control character, tab included, with {@code \xhh} (and the Unicode line
   * separators with {@code \\uhhhh}): what a spreadsheet cell gets, where a raw tab or escape would
   * shift columns or colour a terminal that prints the file.
   */
  public static String withoutControls(String text) {
    return escaped(text, false);
  }

  private static String escaped(String text, boolean keepTab) {
    if (clean(text, keepTab)) {
      return text; // the common case: nothing to escape, no copy
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            c -> {
              if (isEscaped(c, keepTab)) {
                out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** True when {@link #escaped} would give {@code text} back unchanged. */
  private static boolean clean(String text, boolean keepTab) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscaped(text.charAt(i), keepTab)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEscaped(int c, boolean keepTab) {
    return (c < 0x20 && !(keepTab && c == '\t'))
        || (c >= 0x7f && c < 0xa0)
        || c == 0x2028
        || c == 0x2029;
  }
}
