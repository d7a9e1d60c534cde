package org.probehunt.input;

import java.io.IOException;
import java.io.InputStream;

/** {@link InputStream#read()} for streams that only know how to read into an array. */
final class OneByte {
  private OneByte() {}

  /** The next byte of {@code in} as 0..255, or -1 at its end. */
  static int read(InputStream in) throws IOException {
    byte[] one = new byte[1];
    int n = in.read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }
}
