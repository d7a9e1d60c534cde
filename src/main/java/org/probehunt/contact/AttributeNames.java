package org.probehunt.contact;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lower-case attribute names, one String per name: a dump spells a few dozen names millions of
 * times, and making a String of each would be most of the garbage a reader makes.
 */
final class AttributeNames {
  private final String[] names = new String[512];
  private final byte[][] spellings = new byte[512][];

  /** ASCII lower case of one byte, the case-folding the hash passed to {@link #of} must use. */
  static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b | 0x20) : b;
  }

  /**
   * The lower-case name in {@code bytes[start, end)} (ASCII), given its {@code hash}: {@code h = 31
   * * h + lower(b)} over its bytes, from 0.
   */
  String of(byte[] bytes, int start, int end, int hash) {
    int slot = (hash ^ hash >>> 9) & (names.length - 1);
    byte[] known = spellings[slot];
    if (known != null && known.length == end - start) {
      int k = 0;
      while (k < known.length && known[k] == lower(bytes[start + k])) {
        k++;
      }
      if (k == known.length) {
        return names[slot];
      }
    }
    String fresh =
        new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    names[slot] = fresh;
    spellings[slot] = fresh.getBytes(StandardCharsets.ISO_8859_1);
    return fresh;
  }
}
