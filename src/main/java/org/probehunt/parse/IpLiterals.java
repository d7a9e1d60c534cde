package org.probehunt.parse;

/**
 * Reads and writes address text as 128-bit values, IPv4 mapped into ::ffff:0:0/96. Hand-written
 * rather than InetAddress-based because registry dumps hold millions of ranges.
 */
final class IpLiterals {
  /** The low half of ::ffff:0.0.0.0, where IPv4 addresses live. */
  static final long V4_MAPPED = 0xffffL << 32;

  private IpLiterals() {}

  /**
   * Parses {@code s[from, to)}, spaces around it and brackets around IPv6 allowed, into {@code
   * out[0]} (high half) and {@code out[1]} (low half). IPv4 text may have as few as {@code
   * minV4Parts} dotted parts, missing ones being zero (LACNIC writes {@code 200.3.12/22}).
   *
   * @return 32 when written as IPv4, 128 when written as IPv6, -1 when malformed
   */
  static int parse(String s, int from, int to, int minV4Parts, long[] out) {
    while (from < to && Character.isWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return -1;
    }
    boolean bracketed = s.charAt(from) == '[' && s.charAt(to - 1) == ']';
    if (bracketed) {
      from++;
      to--;
    }
    int colon = s.indexOf(':', from);
    if (colon >= 0 && colon < to) {
      return parseV6(s, from, to, out) ? 128 : -1;
    }
    long v4 = bracketed ? -1 : parseV4(s, from, to, minV4Parts);
    if (v4 < 0) {
      return -1;
    }
    out[0] = 0;
    out[1] = V4_MAPPED | v4;
    return 32;
  }

  /** The 32-bit value of dotted decimal text, or -1. */
  static long parseV4(String s, int from, int to, int minParts) {
    long value = 0;
    int parts = 0;
    int i = from;
    while (true) {
      int start = i;
      int octet = 0;
      while (i < to && i - start < 3 && isDigit(s.charAt(i))) {
        octet = octet * 10 + s.charAt(i) - '0';
        i++;
      }
      if (i == start || octet > 255) {
        return -1;
      }
      value = value << 8 | octet;
      parts++;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != '.' || parts == 4) {
        return -1;
      }
      i++;
    }
    return parts < minParts ? -1 : value << 8 * (4 - parts);
  }

  private static boolean parseV6(String s, int from, int to, long[] out) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = from;
    if (s.startsWith("::", i)) {
      gap = 0;
      i += 2;
    }
    while (i < to) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 5 && hex(s.charAt(i)) >= 0) {
        value = value << 4 | hex(s.charAt(i));
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        long v4 = count > 6 ? -1 : parseV4(s, start, to, 4);
        if (v4 < 0) {
          return false;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        break;
      }
      if (i == start || i - start > 4 || count == 8) {
        return false;
      }
      groups[count++] = value;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':' || ++i == to) {
        return false;
      }
      if (s.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i++;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return false;
    }
    long hi = 0;
    long lo = 0;
    int zeros = 8 - count;
    for (int g = 0, k = 0; g < 8; g++) {
      int value = gap >= 0 && g >= gap && g < gap + zeros ? 0 : groups[k++];
      if (g < 4) {
        hi = hi << 16 | value;
      } else {
        lo = lo << 16 | value;
      }
    }
    out[0] = hi;
    out[1] = lo;
    return true;
  }

  /** Dotted decimal text of the low 32 bits. */
  static String formatV4(long lo) {
    return (lo >>> 24 & 0xff)
        + "."
        + (lo >>> 16 & 0xff)
        + "."
        + (lo >>> 8 & 0xff)
        + "."
        + (lo & 0xff);
  }

  /** RFC 5952 text: lower case, no leading zeros, the longest zero run (of two or more) as ::. */
  static String formatV6(long hi, long lo) {
    if (hi == 0 && (lo & 0xffffffff00000000L) == V4_MAPPED) {
      return "::ffff:" + formatV4(lo);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 8; g++) {
      groups[g] = (int) ((g < 4 ? hi : lo) >>> 48 - 16 * (g % 4)) & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; g++) {
      int end = g;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - g > bestLength) {
        bestStart = g;
        bestLength = end - g;
      }
      g = Math.max(g, end);
    }
    StringBuilder text = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        text.append("::");
        g += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[g]));
    }
    return text.toString();
  }

  /**
   * Whether {@code b[from, to)} is an IPv6 address just as {@link #formatV6} writes it, other than
   * an IPv4-mapped one: groups of one to four lower-case hex digits with no leading zero, the first
   * of the longest runs of two or more zero groups written {@code ::}, and nothing else. Servers
   * write their clients so; such text needs no parsing to be known canonical.
   */
  static boolean isFormattedV6(byte[] b, int from, int to) {
    if (to - from < 2 || to - from > 39) {
      return false;
    }
    int groups = 0;
    int gap = -1; // the groups written before "::", or -1 while there is none
    int zeros = 0; // zero groups just written, in a row
    int longestBefore = 0; // the longest such row before "::", or in all without one
    int longestAfter = 0;
    int i = from;
    if (b[i] == ':') {
      if (b[i + 1] != ':') {
        return false;
      }
      gap = 0;
      i += 2;
    }
    while (i < to) {
      int start = i;
      while (i < to && isLowerHex(b[i])) {
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4 || (digits > 1 && b[start] == '0')) {
        return false;
      }
      groups++;
      if (b[start] == '0') {
        if (gap == groups - 1) {
          return false; // a zero group just after "::" belongs in it
        }
        zeros++;
      } else {
        zeros = 0;
      }
      if (gap < 0) {
        longestBefore = Math.max(longestBefore, zeros);
      } else {
        longestAfter = Math.max(longestAfter, zeros);
      }
      if (i == to) {
        break;
      }
      if (b[i] != ':' || ++i == to) {
        return false;
      }
      if (b[i] == ':') {
        if (gap >= 0 || zeros > 0) {
          return false; // a second "::", or zero groups just before it that belong in it
        }
        gap = groups;
        i++;
      }
    }
    if (gap < 0) {
      return groups == 8 && longestBefore < 2;
    }
    int compressed = 8 - groups;
    boolean mapped =
        gap == 0
            && groups == 3
            && b[from + 2] == 'f'
            && b[from + 3] == 'f'
            && b[from + 4] == 'f'
            && b[from + 5] == 'f'
            && b[from + 6] == ':';
    return compressed >= 2 && longestBefore < compressed && longestAfter <= compressed && !mapped;
  }

  private static boolean isLowerHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The value of an ASCII hex digit, or -1 (Character.digit would take other scripts' digits). */
  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
