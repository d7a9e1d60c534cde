package org.probehunt.parse;

import java.util.Locale;

/**
 * The one text a logged client is counted under, so that one host is one host however each line
 * wrote it. An IPv6 address is written as RFC 5952 has it (lower case, no leading zeros, the
 * longest run of two or more zero groups as {@code ::}); an IPv4-mapped address ({@code
 * ::ffff:192.0.2.1}, {@code ::ffff:c000:201}) becomes the IPv4 address; brackets ({@code
 * [2001:db8::1]}) and a zone id ({@code fe80::1%eth0}, which names an interface of the logging
 * server, not the client) are dropped; zero-padded IPv4 ({@code 010.001.002.003}) becomes plain
 * dotted decimal. Anything else, host names included, is lower-cased (DNS names ignore case) and
 * otherwise kept as logged. The first pass and the join back both read clients through here, so a
 * flagged host's lines are found in whatever form. Plain IPv4, names and IPv6 as servers write it
 * (already in RFC 5952's form) cost a scan of their characters: only other text with {@code :},
 * {@code [} or a zero-led octet is parsed.
 */
public final class ClientHosts {
  private ClientHosts() {}

  /** The canonical text of a client host, or null for null. */
  public static String canonical(String host) {
    return host == null ? null : canonical(host, 0, host.length());
  }

  /** The canonical text of the client {@code text[from, to)}. */
  static String canonical(String text, int from, int to) {
    boolean lower = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ':' && formattedV6(text, from, to)) {
        return text.substring(from, to); // as servers write IPv6: nothing to parse
      }
      if (addressMark(c)
          || (c == '0'
              && zeroLed(
                  i == from ? '.' : text.charAt(i - 1), i + 1 < to ? text.charAt(i + 1) : -1))) {
        String ip = address(text, from, to);
        return ip != null ? ip : text.substring(from, to).toLowerCase(Locale.ROOT);
      }
      // Beyond ASCII, toLowerCase decides (the log reader keeps such bytes as \xhh anyway).
      lower &= (c < 'A' || c > 'Z') && c < 0x80;
    }
    String host = text.substring(from, to);
    return lower ? host : host.toLowerCase(Locale.ROOT);
  }

  /**
   * {@link String#hashCode} of {@code text[from, to)} when that text is its own canonical form, as
   * plain IPv4, lower-case names and IPv6 as servers write it are; else -1. One pass, no substring:
   * {@link HostSet} asks this of the client of every line the join back reads.
   */
  static long hashIfCanonical(String text, int from, int to) {
    int hash = 0;
    boolean colon = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      colon |= c == ':';
      if (notCanonical(c)
          || (c == '0'
              && zeroLed(
                  i == from ? '.' : text.charAt(i - 1), i + 1 < to ? text.charAt(i + 1) : -1))) {
        return -1;
      }
      hash = 31 * hash + c;
    }
    return colon && !formattedV6(text, from, to) ? -1 : hash & 0xffffffffL;
  }

  /**
   * {@link #hashIfCanonical(String, int, int)} of a client still in the bytes it was read as; -1
   * also where decoding would make other characters of a byte (anything but printable ASCII, and
   * the backslash).
   */
  static long hashIfCanonical(byte[] bytes, int from, int to) {
    int hash = 0;
    boolean colon = false;
    for (int i = from; i < to; i++) {
      int c = bytes[i]; // bytes above 0x7f are negative here
      colon |= c == ':';
      if (c < '!'
          || c > '~'
          || c == '\\'
          || notCanonical(c)
          || (c == '0'
              && zeroLed(i == from ? '.' : bytes[i - 1], i + 1 < to ? bytes[i + 1] : -1))) {
        return -1;
      }
      hash = 31 * hash + c;
    }
    return colon && !IpLiterals.isFormattedV6(bytes, from, to) ? -1 : hash & 0xffffffffL;
  }

  /** Whether {@code c} makes a client an address to parse: an IPv6 colon or bracket. */
  private static boolean addressMark(int c) {
    return c == ':' || c == '[';
  }

  /**
   * Whether a client holding {@code c} is not its own canonical form, whatever surrounds it. A
   * colon may be: the client is then canonical if it is IPv6 as {@link #formattedV6} has it.
   */
  private static boolean notCanonical(int c) {
    return c == '[' || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }

  /**
   * Whether {@code text[from, to)} is IPv6 already written as its canonical form ({@link
   * IpLiterals#isFormattedV6}), as servers write it: then it is its own host.
   */
  private static boolean formattedV6(String text, int from, int to) {
    if (to - from > 39) {
      return false;
    }
    byte[] ascii = new byte[to - from];
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      ascii[i - from] = (byte) c;
    }
    return IpLiterals.isFormattedV6(ascii, 0, ascii.length);
  }

  /**
   * Whether a {@code 0} between {@code before} ({@code .} at the start) and {@code after} (-1 at
   * the end) leads a number of more digits, as an octet written {@code 010} does: such an address
   * is parsed to be made canonical.
   */
  private static boolean zeroLed(int before, int after) {
    return before == '.' && after >= '0' && after <= '9';
  }

  /** The address in {@code text[from, to)} in canonical form, or null when it is none. */
  private static String address(String text, int from, int to) {
    int start = from;
    int end = to;
    boolean bracketed = end - start > 2 && text.charAt(start) == '[' && text.charAt(end - 1) == ']';
    if (bracketed) {
      start++;
      end--;
    }
    int zone = text.indexOf('%', start);
    boolean zoned = zone >= 0 && zone < end;
    if (zoned) {
      if (zone == end - 1) {
        return null;
      }
      end = zone;
    }
    long[] value = new long[2];
    int bits = IpLiterals.parse(text, start, end, 4, value);
    // Brackets and zones belong to IPv6 only: [192.0.2.1] and 192.0.2.1%eth0 are no addresses.
    if (bits < 0 || ((bracketed || zoned) && bits != 128)) {
      return null;
    }
    if (value[0] == 0 && (value[1] & 0xffffffff00000000L) == IpLiterals.V4_MAPPED) {
      return IpLiterals.formatV4(value[1]);
    }
    return IpLiterals.formatV6(value[0], value[1]);
  }
}
