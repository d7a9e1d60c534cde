package org.probehunt.report;

import java.util.Locale;

/** Makes text from a log safe inside HTML and SVG: element content and quoted attribute values. */
public final class HtmlEscapes {
  private HtmlEscapes() {}

  /**
   * The text with {@code & < > " '} as entities, control characters written {@code \xhh} (as in the
   * CSV files) and unpaired surrogates as U+FFFD; null is empty.
   */
  public static String text(String text) {
    if (text == null) {
      return "";
    }
    String visible = Texts.withoutControls(text);
    StringBuilder out = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < visible.length()
              && Character.isLowSurrogate(visible.charAt(i + 1))) {
            out.append(c).append(visible.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD'); // UTF-8 cannot encode half a pair
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The text cut to {@code max} characters, with an ellipsis when cut, then escaped. */
  public static String shortened(String text, int max) {
    if (text != null && text.length() > max) {
      int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
      return text(text.substring(0, end)) + "\u2026";
    }
    return text(text);
  }

  /** A count with thousands separators, the same in every locale: 12,345. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
