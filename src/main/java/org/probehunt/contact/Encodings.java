package org.probehunt.contact;

/** Byte-level checks for text whose encoding is not declared, as in the registries' dumps. */
final class Encodings {
  private Encodings() {}

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates,
   * nothing above U+10FFFF. Latin-1 text with accents almost never passes.
   */
  static boolean isUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int lead = b[i] & 0xff;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int trailing;
      if (lead >= 0xc2 && lead <= 0xdf) {
        trailing = 1;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        trailing = 2;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        trailing = 3;
      } else {
        return false;
      }
      if (i + trailing >= to) {
        return false;
      }
      int second = b[i + 1] & 0xff;
      if (lead == 0xe0 && second < 0xa0
          || lead == 0xed && second > 0x9f
          || lead == 0xf0 && second < 0x90
          || lead == 0xf4 && second > 0x8f) {
        return false;
      }
      for (int k = 1; k <= trailing; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return false;
        }
      }
      i += trailing + 1;
    }
    return true;
  }
}
