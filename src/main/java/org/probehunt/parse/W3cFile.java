package org.probehunt.parse;

import java.util.List;
import java.util.Locale;

/**
 * Reads one W3C extended log file in order, following its directives: each {@code #Fields:} line
 * sets the columns of the lines after it (IIS writes a new header block when it restarts or its
 * logging changes), and {@code #Date:} dates lines that have no {@code date} column. One instance
 * per file; not shared between threads.
 */
final class W3cFile {
  private W3cLayout layout;

  /** Starts with {@code initial}, the format's default columns, until a directive says others. */
  W3cFile(W3cLayout initial) {
    this.layout = initial;
  }

  /** The request on {@code line}, or why not; a directive line is rejected as such. */
  ParseResult parse(String line) {
    if (isDirective(line)) {
      follow(line);
      return W3cLayout.DIRECTIVE;
    }
    return layout.parse(line);
  }

  /** The client of {@code line}, or null; directive lines are followed here too. */
  String client(String line) {
    if (isDirective(line)) {
      follow(line);
      return null;
    }
    return layout.client(line);
  }

  /**
   * The W3C format of a file whose first lines are {@code sample}: cloudfront when its {@code
   * #Fields:} directive names CloudFront's {@code x-edge-location}, w3c_iis for any other; null
   * when the first line that is not blank is no directive or no {@code #Fields:} line comes.
   */
  static LogFormat detect(List<String> sample) {
    boolean first = true;
    for (String line : sample) {
      if (line == null || line.isBlank()) {
        continue;
      }
      if (first && !isDirective(line)) {
        return null;
      }
      first = false;
      if (line.regionMatches(true, Math.max(0, directiveStart(line)), "#Fields:", 0, 8)) {
        return line.toLowerCase(Locale.ROOT).contains("x-edge-location")
            ? LogFormat.CLOUDFRONT
            : LogFormat.W3C_IIS;
      }
    }
    return null;
  }

  private static boolean isDirective(String line) {
    return directiveStart(line) >= 0;
  }

  /**
   * Where the {@code #} of a directive line is: 0, or after a byte-order mark that starts a file
   * (decoded, or as the {@code \xef\xbb\xbf} the line reader writes for it); -1 for a data line.
   */
  static int directiveStart(String line) {
    int at = line.startsWith("\uFEFF") ? 1 : line.startsWith("\\xef\\xbb\\xbf") ? 12 : 0;
    return at < line.length() && line.charAt(at) == '#' ? at : -1;
  }

  private void follow(String directive) {
    String line = directive.substring(directiveStart(directive));
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.startsWith("#fields:")) {
      layout = W3cLayout.of(line.substring(8), layout.percentEncoded(), layout.date());
    } else if (lower.startsWith("#date:")) {
      String value = line.substring(6).strip();
      int space = value.indexOf(' ');
      String day = space < 0 ? value : value.substring(0, space);
      layout = layout.withDate(W3cTimes.date(day, 0, day.length()));
    }
  }
}
