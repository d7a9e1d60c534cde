package org.probehunt.parse;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An inclusive range of IP addresses, from a single address to a CIDR block or a registry's {@code
 * FIRST - LAST} range. Addresses are 128-bit values kept as two longs each (compared unsigned);
 * IPv4 lives in ::ffff:0:0/96, so {@code ::ffff:192.0.2.1} and {@code 192.0.2.1} are the same
 * address. Text forms read by {@link #parse}:
 *
 * <pre>
 * 192.0.2.7                        a bare address (IPv6 also in brackets: [2001:db8::1])
 * 192.0.2.0/24, 2001:db8::/32      ADDRESS/PREFIX, host bits masked off
 * 192.0.2.0 - 192.0.2.255          FIRST - LAST, as in RIPE, APNIC and AFRINIC inetnum
 * 192.0.2/24, 200/8                LACNIC's CIDR with trailing zero parts left out
 * </pre>
 */
public record AddressRange(long firstHi, long firstLo, long lastHi, long lastLo)
    implements Comparable<AddressRange>, Serializable {

  /** Checks that the first address does not come after the last. */
  public AddressRange {
    if (compare(firstHi, firstLo, lastHi, lastLo) > 0) {
      throw new IllegalArgumentException("range ends before it starts");
    }
  }

  /** The range written in {@code text} (see the class comment), or empty when malformed. */
  public static Optional<AddressRange> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    long[] first = new long[2];
    int dash = t.indexOf('-');
    if (dash >= 0) {
      long[] last = new long[2];
      int bits = IpLiterals.parse(t, 0, dash, 4, first);
      if (bits < 0
          || bits != IpLiterals.parse(t, dash + 1, t.length(), 4, last)
          || compare(first[0], first[1], last[0], last[1]) > 0) {
        return Optional.empty();
      }
      return Optional.of(new AddressRange(first[0], first[1], last[0], last[1]));
    }
    int slash = t.indexOf('/');
    if (slash < 0) {
      return ofAddress(t);
    }
    int bits = IpLiterals.parse(t, 0, slash, 1, first);
    int length = prefixLength(t, slash + 1);
    if (bits < 0 || length < 0 || length > bits) {
      return Optional.empty();
    }
    int prefix = length + 128 - bits;
    long maskHi = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    long maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    return Optional.of(
        new AddressRange(
            first[0] & maskHi, first[1] & maskLo, first[0] | ~maskHi, first[1] | ~maskLo));
  }

  /** A single address, IPv6 possibly in brackets; {@code ::ffff:a.b.c.d} is taken as IPv4. */
  public static Optional<AddressRange> ofAddress(String ip) {
    long[] address = new long[2];
    if (ip == null || IpLiterals.parse(ip, 0, ip.length(), 4, address) < 0) {
      return Optional.empty();
    }
    return Optional.of(new AddressRange(address[0], address[1], address[0], address[1]));
  }

  /**
   * Reads {@code ip}, one address as {@link #ofAddress} takes it, into {@code into}: its high and
   * low 64 bits. False when it is none. For a check per log line, without an object per line.
   */
  public static boolean address(String ip, long[] into) {
    return ip != null && IpLiterals.parse(ip, 0, ip.length(), 4, into) >= 0;
  }

  /** Whether the address of high and low bits {@code hi} and {@code lo} is in this range. */
  public boolean contains(long hi, long lo) {
    return compare(firstHi, firstLo, hi, lo) <= 0 && compare(hi, lo, lastHi, lastLo) <= 0;
  }

  /**
   * Whether any of {@code ranges} holds {@code address}, an address's high and low bits as {@link
   * #address} gives them.
   */
  public static boolean anyContains(List<AddressRange> ranges, long[] address) {
    for (AddressRange range : ranges) {
      if (range.contains(address[0], address[1])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sets in {@code bits}, 256 bits, the first number of each IPv4 address in this range (IPv4 in
   * the {@code ::ffff:0:0/96} form counts too).
   */
  public void markIpv4FirstNumbers(long[] bits) {
    long v4First = IpLiterals.V4_MAPPED;
    long v4Last = IpLiterals.V4_MAPPED | 0xffffffffL;
    if (compare(firstHi, firstLo, 0, v4Last) > 0 || compare(lastHi, lastLo, 0, v4First) < 0) {
      return;
    }
    long from = compare(firstHi, firstLo, 0, v4First) <= 0 ? 0 : firstLo & 0xffffffffL;
    long to = compare(lastHi, lastLo, 0, v4Last) >= 0 ? 0xffffffffL : lastLo & 0xffffffffL;
    for (int n = (int) (from >>> 24); n <= (int) (to >>> 24); n++) {
      bits[n >>> 6] |= 1L << n;
    }
  }

  /**
   * Sets in {@code bits}, 65,536 bits, the first 16-bit group of each address in this range: the
   * group IPv6 text starts with.
   */
  public void markFirstGroups(long[] bits) {
    for (int g = (int) (firstHi >>> 48); g <= (int) (lastHi >>> 48); g++) {
      bits[g >>> 6] |= 1L << g;
    }
  }

  /**
   * The value of the first group of IPv6 text, the one {@link #markFirstGroups} marks: one to four
   * hex digits before a colon, or 0 for text starting with two colons; -1 for text that starts
   * otherwise.
   */
  public static int firstGroup(String text) {
    if (text.startsWith("::")) {
      return 0;
    }
    int value = 0;
    for (int i = 0; i < 5 && i < text.length(); i++) {
      if (text.charAt(i) == ':') {
        return i > 0 ? value : -1;
      }
      int digit = IpLiterals.hex(text.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return -1;
  }

  /** Whether every address of {@code other} is in this range. */
  public boolean contains(AddressRange other) {
    return compare(firstHi, firstLo, other.firstHi, other.firstLo) <= 0
        && compare(other.lastHi, other.lastLo, lastHi, lastLo) <= 0;
  }

  /** Whether the whole range is IPv4 (inside ::ffff:0:0/96). */
  public boolean isIpv4() {
    return firstHi == 0
        && lastHi == 0
        && (firstLo & 0xffffffff00000000L) == IpLiterals.V4_MAPPED
        && (lastLo & 0xffffffff00000000L) == IpLiterals.V4_MAPPED;
  }

  /** The first address as text: dotted for IPv4, else RFC 5952. */
  public String first() {
    return isIpv4() ? IpLiterals.formatV4(firstLo) : IpLiterals.formatV6(firstHi, firstLo);
  }

  /** The last address as text: dotted for IPv4, else RFC 5952. */
  public String last() {
    return isIpv4() ? IpLiterals.formatV4(lastLo) : IpLiterals.formatV6(lastHi, lastLo);
  }

  /** The number of addresses in the range. */
  public BigInteger size() {
    BigInteger first = unsigned128(firstHi, firstLo);
    return unsigned128(lastHi, lastLo).subtract(first).add(BigInteger.ONE);
  }

  /** Orders by first address, then the larger range first, so a block precedes its parts. */
  @Override
  public int compareTo(AddressRange other) {
    int byFirst = compare(firstHi, firstLo, other.firstHi, other.firstLo);
    return byFirst != 0 ? byFirst : compare(other.lastHi, other.lastLo, lastHi, lastLo);
  }

  /** {@code ADDRESS/PREFIX} when the range is exactly one CIDR block, else {@code FIRST - LAST}. */
  @Override
  public String toString() {
    long diffHi = firstHi ^ lastHi;
    long diffLo = firstLo ^ lastLo;
    boolean lowOnes =
        diffHi == 0 ? (diffLo & diffLo + 1) == 0 : diffLo == -1L && (diffHi & diffHi + 1) == 0;
    if (!lowOnes || (firstHi & diffHi) != 0 || (firstLo & diffLo) != 0) {
      return first() + " - " + last();
    }
    int prefix = 128 - Long.bitCount(diffHi) - Long.bitCount(diffLo);
    return first() + "/" + (isIpv4() ? prefix - 96 : prefix);
  }

  /** One to three ASCII digits from {@code from} to the end, or -1. */
  private static int prefixLength(String t, int from) {
    if (t.length() - from < 1 || t.length() - from > 3) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int byHigh = Long.compareUnsigned(aHi, bHi);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(aLo, bLo);
  }

  private static BigInteger unsigned128(long hi, long lo) {
    BigInteger high = new BigInteger(Long.toUnsignedString(hi));
    return high.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
  }
}
