package org.probehunt.input;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal Unix {@code compress} (.Z) writer for tests: Commons Compress reads the format but
 * cannot write it, and the machine may lack the tool. LZW in block mode with 9-bit codes: before
 * the table would fill (and readers widen the codes), a CLEAR code starts it afresh, padded to the
 * end of its group of eight codes as compress does. gzip -d reads the result too.
 */
final class UnixCompress {
  private static final int MAX_BITS = 9;
  private static final int CLEAR = 256;
  private static final int FIRST_FREE = 257;

  /** Entries before a CLEAR: below 2^9 - 1 even with the reader's one-code lag. */
  private static final int LIMIT = 500;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private long bits;
  private int bitCount;
  private long codes;

  private UnixCompress() {}

  /** {@code data} as {@code compress -b 9} writes it. */
  static byte[] compress(byte[] data) {
    UnixCompress z = new UnixCompress();
    z.out.write(0x1f);
    z.out.write(0x9d);
    z.out.write(0x80 | MAX_BITS);
    Map<Integer, Integer> table = new HashMap<>();
    int next = FIRST_FREE;
    int prefix = -1;
    for (byte value : data) {
      int b = value & 0xff;
      if (prefix < 0) {
        prefix = b;
        continue;
      }
      Integer known = table.get(prefix << 8 | b);
      if (known != null) {
        prefix = known;
        continue;
      }
      z.code(prefix);
      if (next < LIMIT) {
        table.put(prefix << 8 | b, next++);
      } else {
        z.code(CLEAR);
        while (z.codes % 8 != 0) {
          z.code(0); // readers skip to the end of the group after a CLEAR
        }
        table.clear();
        next = FIRST_FREE;
      }
      prefix = b;
    }
    if (prefix >= 0) {
      z.code(prefix);
    }
    if (z.bitCount > 0) {
      z.out.write((int) z.bits);
    }
    return z.out.toByteArray();
  }

  /** Appends one code, least significant bit first. */
  private void code(int code) {
    bits |= (long) code << bitCount;
    bitCount += MAX_BITS;
    codes++;
    while (bitCount >= 8) {
      out.write((int) (bits & 0xff));
      bits >>>= 8;
      bitCount -= 8;
    }
  }
}
