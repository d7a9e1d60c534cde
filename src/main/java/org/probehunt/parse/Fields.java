package org.probehunt.parse;

/** Small readers for single log fields, working on index ranges so the hot path copies little. */
final class Fields {
  /** Returned by the number readers for a "-" field. */
  static final int DASH = -1;

  /** Returned by the number readers for anything that is neither digits nor "-". */
  static final int BAD = -2;

  /** Boxed once: Integer.valueOf only caches up to 127, below every real status code. */
  private static final Integer[] STATUSES = new Integer[1000];

  static {
    for (int i = 0; i < STATUSES.length; i++) {
      STATUSES[i] = i;
    }
  }

  private Fields() {}

  /** True when {@code text[from, to)} is exactly "-". */
  static boolean isDash(String text, int from, int to) {
    return to - from == 1 && text.charAt(from) == '-';
  }

  /** The status {@code text[from, to)} as 1 to 3 digits, or {@link #DASH} or {@link #BAD}. */
  static int status(String text, int from, int to) {
    if (isDash(text, from, to)) {
      return DASH;
    }
    if (to - from > 3) {
      return BAD;
    }
    return (int) digits(text, from, to);
  }

  /** The shared boxed status for a value from {@link #status}. */
  static Integer boxedStatus(int status) {
    return STATUSES[status];
  }

  /** A byte count {@code text[from, to)} of up to 18 digits, or {@link #DASH} or {@link #BAD}. */
  static long bytes(String text, int from, int to) {
    if (isDash(text, from, to)) {
      return DASH;
    }
    // 18 digits cannot overflow a long, and no response is that large anyway.
    if (to - from > 18) {
      return BAD;
    }
    return digits(text, from, to);
  }

  private static long digits(String text, int from, int to) {
    if (from >= to) {
      return BAD;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return BAD;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * True when {@code text[from, to)} looks like a protocol: HTTP/ in any case, then digits with an
   * optional dot and more digits (HTTP/1.0, HTTP/1.1, HTTP/2.0, HTTP/2).
   */
  static boolean isProtocol(String text, int from, int to) {
    if (to - from < 6
        || (text.charAt(from) | 0x20) != 'h'
        || (text.charAt(from + 1) | 0x20) != 't'
        || (text.charAt(from + 2) | 0x20) != 't'
        || (text.charAt(from + 3) | 0x20) != 'p'
        || text.charAt(from + 4) != '/') {
      return false;
    }
    boolean dot = false;
    int digitsSinceDot = 0;
    for (int i = from + 5; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digitsSinceDot++;
      } else if (c == '.' && !dot && digitsSinceDot > 0) {
        dot = true;
        digitsSinceDot = 0;
      } else {
        return false;
      }
    }
    return digitsSinceDot > 0;
  }

  /**
   * The virtual host name in {@code text[from, to)} without a trailing {@code :port}; null when
   * nothing is left.
   */
  static String vhostName(String text, int from, int to) {
    int colon = portColon(text, from, to);
    int nameEnd = colon < 0 ? to : colon;
    return nameEnd > from ? text.substring(from, nameEnd) : null;
  }

  /**
   * The port after the virtual host name in {@code text[from, to)}, or null when there is none or
   * it is not 1 to 65535 (Apache logs {@code %p} as the server's canonical port).
   */
  static Integer vhostPort(String text, int from, int to) {
    int colon = portColon(text, from, to);
    if (colon < 0 || to - colon - 1 > 5) {
      return null;
    }
    long port = digits(text, colon + 1, to);
    return port >= 1 && port <= 65_535 ? Integer.valueOf((int) port) : null;
  }

  /**
   * The index of the colon before a port in {@code text[from, to)}, or -1. A bare IPv6 address
   * keeps its last group: only a single colon, or one after a bracketed address, separates a port.
   */
  private static int portColon(String text, int from, int to) {
    int colon = text.lastIndexOf(':', to - 1);
    if (colon >= from && colon + 1 < to && digits(text, colon + 1, to) >= 0) {
      boolean bracketed = colon > from && text.charAt(colon - 1) == ']';
      boolean single = text.lastIndexOf(':', colon - 1) < from;
      if (bracketed || single) {
        return colon;
      }
    }
    return -1;
  }

  /**
   * The index of the quote closing a field whose text starts at {@code from}, looking no further
   * than {@code end} (the line end without trailing blanks), or -1. A backslash escapes the next
   * character; a bare quote only closes when a space or the line end follows, which keeps the
   * unescaped quotes of old servers inside their field.
   */
  static int closingQuote(String line, int from, int end) {
    return closingQuote(line, from, end, line.indexOf('\\', from));
  }

  /**
   * {@link #closingQuote(String, int, int)} for a caller that knows {@code backslash}, the first
   * backslash at or after {@code from} (-1: none): one that reads any number of quoted fields finds
   * each backslash once, so a line costs time in its length.
   */
  static int closingQuote(String line, int from, int end, int backslash) {
    // indexOf is vectorised: most quoted fields hold no backslash, and their first quote that a
    // space or the line end follows closes them.
    int quote = line.indexOf('"', from);
    while (quote >= 0 && quote < end && (backslash < 0 || backslash > quote)) {
      if (quote + 1 == end || line.charAt(quote + 1) == ' ') {
        return quote;
      }
      quote = line.indexOf('"', quote + 1);
    }
    if (backslash < 0 || backslash >= end) {
      return -1;
    }
    for (int i = backslash; i < end; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' && (i + 1 == end || line.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** {@code text[from, to)} with the {@code \"} and {@code \\} escapes of quoted fields undone. */
  static String unescape(String text, int from, int to) {
    // indexOf is vectorised; most fields hold no backslash at all.
    return unescape(text, from, to, text.indexOf('\\', from));
  }

  /**
   * {@link #unescape(String, int, int)} for a caller that knows {@code slash}, the first backslash
   * at or after {@code from} (-1: none).
   */
  static String unescape(String text, int from, int to, int slash) {
    if (slash < 0 || slash >= to) {
      return text.substring(from, to);
    }
    StringBuilder out = new StringBuilder(to - from);
    out.append(text, from, slash);
    for (int i = slash; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to) {
        char next = text.charAt(i + 1);
        if (next == '"' || next == '\\') {
          c = next;
          i++;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
