package org.probehunt.contact;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a dump into LF-terminated lines in one reusable buffer, so that memory stays bounded
 * whatever the input: a line longer than {@link #MAX_LINE_BYTES} is cut there and its tail dropped.
 * The current line is {@code bytes()[start(), end())}, CR removed, valid until the next call to
 * {@link #next}.
 */
final class DumpLines {
  /** Longest line read; the rest of a longer line is dropped. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[2 * MAX_LINE_BYTES];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean dropping;
  private int start;
  private int end;
  private long count;
  private long cut;

  DumpLines(InputStream in) {
    this.in = in;
  }

  byte[] bytes() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Lines read so far. */
  long count() {
    return count;
  }

  /** Lines cut at {@link #MAX_LINE_BYTES}. */
  long cut() {
    return cut;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    int scan = pos;
    while (true) {
      int newline = scan;
      while (newline < lim && buf[newline] != '\n') {
        newline++;
      }
      if (newline < lim) {
        boolean tail = dropping;
        dropping = false;
        int from = pos;
        pos = newline + 1;
        if (tail) {
          scan = pos;
          continue;
        }
        return emit(from, newline);
      }
      if (dropping) {
        pos = lim;
        if (eof) {
          return false;
        }
      } else if (lim - pos > MAX_LINE_BYTES) {
        dropping = true;
        int from = pos;
        pos = lim;
        return emit(from, lim);
      } else if (eof) {
        int from = pos;
        pos = lim;
        return from < lim && emit(from, lim);
      }
      int scanned = newline - pos;
      fill();
      scan = pos + scanned;
    }
  }

  void close() throws IOException {
    in.close();
  }

  private boolean emit(int from, int to) {
    int stop = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    if (stop - from > MAX_LINE_BYTES) {
      cut++;
      stop = from + MAX_LINE_BYTES;
    }
    start = from;
    end = stop;
    count++;
    return true;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }
}
