package org.probehunt.parse;

/**
 * How a format that is not read by the hand-written line cursor reads a line: a compiled format
 * string, or a layout of its own (W3C extended, load balancers). Implementations hold no per-line
 * state and may be shared between threads.
 */
interface LineLayout {
  /** The request on {@code line}, or why it is none. */
  ParseResult parse(String line);

  /**
   * The client of {@code line} as {@link #parse} would give it, or null when it has none; read by a
   * full parse unless a layout knows a cheaper way.
   */
  default String client(String line) {
    return parse(line) instanceof Request r ? r.host() : null;
  }

  /** The end of {@code line} without its trailing blanks (a stray CR of a CRLF file among them). */
  static int trimmedEnd(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) <= ' ') {
      end--;
    }
    return end;
  }
}
