package org.probehunt.bench;

import java.io.IOException;
import java.io.OutputStream;

/** A byte buffer for ASCII log text, written out in large chunks; avoids a String per line. */
final class AsciiBuffer {
  /** Flushed once this full: large writes keep the deflater's per-call overhead negligible. */
  private static final int CHUNK = 1 << 20;

  /** Room left for the longest line the generator can make. */
  private static final int LINE_ROOM = 16 << 10;

  private final byte[] bytes = new byte[CHUNK + LINE_ROOM];
  private final OutputStream out;
  private int length;

  AsciiBuffer(OutputStream out) {
    this.out = out;
  }

  AsciiBuffer append(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    return this;
  }

  AsciiBuffer append(char c) {
    bytes[length++] = (byte) c;
    return this;
  }

  AsciiBuffer append(long value) {
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte b = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = b;
    }
    return this;
  }

  /** Two digits with a leading zero, as in log times. */
  AsciiBuffer append2(int value) {
    bytes[length++] = (byte) ('0' + value / 10);
    bytes[length++] = (byte) ('0' + value % 10);
    return this;
  }

  /** Lower-case hex without leading zeros. */
  AsciiBuffer appendHex(int value) {
    return append(Integer.toHexString(value));
  }

  /** Ends a line, and passes the chunk on when it is full. */
  void endLine() throws IOException {
    bytes[length++] = '\n';
    if (length >= CHUNK) {
      flush();
    }
  }

  void flush() throws IOException {
    out.write(bytes, 0, length);
    length = 0;
  }
}
