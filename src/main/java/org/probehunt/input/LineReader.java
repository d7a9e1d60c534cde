package org.probehunt.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a decoded stream into lines ended by LF, CRLF or a CR alone with one reusable buffer. This
 * is the hot path: each byte is looked at once, and a clean ASCII line becomes a String with one
 * copy.
 */
final class LineReader {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final TrackedInputStream fileSystem;

  /**
   * How much of a line over the cap is kept: such a line is only ever a rejection, and a
   * spreadsheet cell holds 32,767 characters, so keeping a megabyte of each would only let a file
   * of long lines fill the memory with rejections.
   */
  static final int OVERLONG_EXCERPT = 16 << 10;

  private final int maxLine;
  private final int excerpt;

  private byte[] buf = new byte[BUFFER_BYTES];
  private int start;
  private int scan;
  private int lim;
  private int firstBad = -1;
  private boolean ended;
  private boolean finished;
  private boolean skipping;
  private boolean afterCr;
  private boolean truncated;
  private long lineNo;
  private long consumed;
  private LineSkip skip;
  private Exception fault;

  /**
   * @param fileSystem the tracked raw file stream: its failures are rethrown, not kept
   */
  LineReader(InputStream in, TrackedInputStream fileSystem, int maxLineBytes) {
    this.in = in;
    this.fileSystem = fileSystem;
    this.maxLine = maxLineBytes;
    this.excerpt = Math.min(maxLineBytes, OVERLONG_EXCERPT);
  }

  /** See {@link LogEntry#skipLines}. */
  void skipLines(LineSkip skip) {
    this.skip = skip;
  }

  /** The next line, or null at the end of data or at damage (see {@link #fault()}). */
  String nextLine() throws IOException {
    if (finished) {
      return null;
    }
    truncated = false;
    if (skipping && !skipRest()) {
      return finish();
    }
    byte[] b = buf;
    int i = scan;
    int bad = firstBad;
    for (; ; ) {
      int end = lim;
      scanning:
      while (i < end) {
        // Eight printable ASCII bytes at a time; a word with any other byte is looked at bytewise.
        if (i + Long.BYTES <= end && AsciiWords.printable(b, i)) {
          i += Long.BYTES;
          continue;
        }
        for (int wordEnd = Math.min(i + Long.BYTES, end); i < wordEnd; i++) {
          byte c = b[i];
          // One comparison for the common case; bytes >= 0x80 are negative here.
          if (c < 0x20 || c == 0x7f) {
            if (c == '\n') {
              firstBad = bad;
              return emit(i, i + 1);
            }
            if (c == '\r') {
              if (i + 1 == end) {
                break scanning; // whether an LF follows is known after the next read
              }
              if (b[i + 1] != '\n') {
                // A CR alone ends a line, as in files from old Macs and some Windows tools.
                firstBad = bad;
                return emit(i, i + 1);
              }
            }
            if (c != '\t' && bad < 0) {
              bad = i;
            }
          }
        }
      }
      scan = i;
      firstBad = bad;
      // +1 leaves room for a CR that may still be followed by the LF.
      if (lim - start > maxLine + 1) {
        return emitCapped();
      }
      if (!fill()) {
        if (lim == start) {
          return finish();
        }
        return buf[lim - 1] == '\r' ? emit(lim - 1, lim) : emit(lim, lim);
      }
      b = buf;
      i = scan;
      bad = firstBad;
    }
  }

  private String emit(int lineEnd, int next) {
    if (lineNo == 0 && AsciiWords.utf8Bom(buf, start, lineEnd)) {
      // A UTF-8 byte-order mark (Windows servers and editors write one) is not log text.
      start += 3;
    }
    int len = lineEnd - start;
    if (next > lineEnd && len > 0 && buf[lineEnd - 1] == '\r') {
      len--;
    }
    if (len > maxLine) {
      len = excerpt;
      truncated = true;
    }
    String line =
        skip != null && !truncated && skip.skip(buf, start, start + len)
            ? ""
            : decode(len, truncated ? excerpt : maxLine);
    start = next;
    scan = next;
    firstBad = -1;
    lineNo++;
    return line;
  }

  private String emitCapped() {
    String line = decode(excerpt, excerpt);
    truncated = true;
    skipping = true;
    afterCr = buf[lim - 1] == '\r';
    lineNo++;
    start = lim;
    scan = lim;
    firstBad = -1;
    return line;
  }

  /** The line's text, at most {@code maxChars} characters even where escapes make it longer. */
  private String decode(int len, int maxChars) {
    boolean clean = firstBad < 0 || firstBad >= start + len;
    if (clean) {
      return new String(buf, start, len, StandardCharsets.ISO_8859_1);
    }
    int fit = Escapes.fit(buf, start, len, maxChars);
    truncated |= fit < len;
    return Escapes.bytes(buf, start, fit);
  }

  /** Drops the rest of an overlong line; false when the data ended first. */
  private boolean skipRest() throws IOException {
    for (; ; ) {
      for (int i = scan; i < lim; i++) {
        byte c = buf[i];
        if (afterCr) {
          afterCr = false;
          if (c != '\n') {
            return resumeAt(i); // the CR alone ended the line
          }
        }
        if (c == '\n') {
          return resumeAt(i + 1);
        }
        afterCr = c == '\r';
      }
      start = lim;
      scan = lim;
      if (!fill()) {
        return false;
      }
    }
  }

  private boolean resumeAt(int next) {
    start = next;
    scan = next;
    skipping = false;
    return true;
  }

  /** Reads more bytes after the current line's start; false at the end of data or damage. */
  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, lim - start);
      scan -= start;
      firstBad = firstBad < 0 ? -1 : firstBad - start;
      lim -= start;
      start = 0;
    }
    if (lim == buf.length) {
      long wanted = Math.min(buf.length * 2L, maxLine + 2L);
      buf = Arrays.copyOf(buf, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }
    int n;
    try {
      n = in.read(buf, lim, buf.length - lim);
    } catch (IOException | RuntimeException e) {
      if (fileSystem.failed()) {
        throw e;
      }
      fault = e;
      ended = true;
      return false;
    }
    if (n < 0) {
      ended = true;
      return false;
    }
    lim += n;
    consumed += n;
    return true;
  }

  private String finish() {
    finished = true;
    return null;
  }

  long lineNo() {
    return lineNo;
  }

  boolean lineTruncated() {
    return truncated;
  }

  /** Decoded bytes taken from the stream so far. */
  long consumed() {
    return consumed;
  }

  /** The damage error that ended the data, or null. */
  Exception fault() {
    return fault;
  }
}
