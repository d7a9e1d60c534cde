package org.probehunt.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
   * #Fields:} directive names CloudFront's {@code x-edge-location}, w3c_iis for any other, and
   * w3c_iis too when it starts with W3C's own directives ({@code #Software:}, {@code #Version:},
   * {@code #Date:}, ...) but no {@code #Fields:} comes among them. A file whose first lines are
   * data is w3c_iis only when {@code iisNamed} and most of the data lines before any {@code
   * #Fields:} read in IIS's default fields (its header block was cut off by rotation). Else null.
   */
  static LogFormat detect(List<String> sample, boolean iisNamed) {
    boolean first = true;
    boolean w3cDirectives = false;
    int data = 0;
    int read = 0;
    for (String line : sample) {
      if (line == null || line.isBlank()) {
        continue;
      }
      int start = directiveStart(line);
      if (first && start < 0 && !iisNamed) {
        return null;
      }
      first = false;
      if (start < 0) {
        data++;
        read += W3cLayout.IIS.parse(line) instanceof Request ? 1 : 0;
      } else if (line.regionMatches(true, start, "#Fields:", 0, 8)) {
        if (data > 0) {
          break; // data first: decided by the data lines before this header
        }
        return line.toLowerCase(Locale.ROOT).contains("x-edge-location")
            ? LogFormat.CLOUDFRONT
            : LogFormat.W3C_IIS;
      } else if (data == 0 && isW3cDirective(line, start)) {
        w3cDirectives = true;
      }
    }
    if (data == 0 || w3cDirectives) {
      return w3cDirectives ? LogFormat.W3C_IIS : null;
    }
    return read > 0 && 2 * read >= data ? LogFormat.W3C_IIS : null;
  }

  /**
   * Whether {@code source} (a path, or {@code ARCHIVE!ENTRY}) is named as IIS names its W3C logs:
   * {@code u_ex251001.log}, {@code ex251001.log}, hourly {@code u_ex25100113.log}, {@code _x} for
   * custom fields; compressed too.
   */
  static boolean iisName(String source) {
    if (source == null) {
      return false;
    }
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    String name = source.substring(Math.max(slash, source.lastIndexOf('!')) + 1);
    return IIS_NAME.matcher(name).matches();
  }

  private static final Pattern IIS_NAME =
      Pattern.compile("(?i)(?:u_)?ex\\d{4,8}(?:_x)?\\.log(?:\\.(?:gz|bz2|xz|zst|z|lz4))?");

  /** The directives W3C's draft and IIS write before {@code #Fields:}. */
  private static boolean isW3cDirective(String line, int start) {
    for (String name : W3C_DIRECTIVES) {
      if (line.regionMatches(true, start, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  private static final String[] W3C_DIRECTIVES = {
    "#Software:", "#Version:", "#Date:", "#Remark:", "#Start-Date:", "#End-Date:"
  };

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
