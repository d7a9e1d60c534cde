package org.probehunt.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte tests of the line reader's hot loop, eight printable ASCII bytes at a time. */
final class AsciiWords {
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private AsciiWords() {}

  /** Whether the eight bytes of {@code buf} from {@code i} all lie in 0x20..0x7e. */
  static boolean printable(byte[] buf, int i) {
    return printable((long) WORDS.get(buf, i));
  }

  /**
   * Whether all eight bytes of {@code word} lie in 0x20..0x7e. With {@code t} the low seven bits of
   * each byte, {@code t + 0x01} reaches 0x80 only for 0x7f and {@code t + 0x60} stays under 0x80
   * only below 0x20; no sum carries into the next byte.
   */
  static boolean printable(long word) {
    long t = word & 0x7f7f7f7f7f7f7f7fL;
    return ((word | (t + 0x0101010101010101L) | ~(t + 0x6060606060606060L)) & 0x8080808080808080L)
        == 0;
  }

  /** Whether a UTF-8 byte-order mark starts at {@code start}, before {@code end}. */
  static boolean utf8Bom(byte[] buf, int start, int end) {
    return end - start >= 3
        && buf[start] == (byte) 0xEF
        && buf[start + 1] == (byte) 0xBB
        && buf[start + 2] == (byte) 0xBF;
  }
}
