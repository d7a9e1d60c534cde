package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Address arithmetic for RDAP ranges. Every address is a 128-bit number, IPv4 mapped into {@code
 * ::ffff:0:0/96} as in {@link RirStats}, so that one ordering holds both families.
 */
final class IpAddresses {
  private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
  private static final BigInteger V4_MASK = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

  private IpAddresses() {}

  /**
   * The address in a registry's text, leniently: servers have written {@code 192.0.2.0/32},
   * zero-padded {@code 192.000.002.000} and upper-case full-length IPv6. Empty if not one.
   */
  static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = Domains.unbracket(text.strip());
    int slash = t.indexOf('/');
    if (slash >= 0) {
      t = t.substring(0, slash);
    }
    if (t.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      t = t.replaceAll("(^|\\.)0+(?=[0-9])", "$1");
    }
    return InetAddresses.isInetAddress(t)
        ? Optional.of(InetAddresses.forString(t))
        : Optional.empty();
  }

  /** Canonical text (RFC 5952 for IPv6). */
  static String text(InetAddress address) {
    return InetAddresses.toAddrString(address);
  }

  static BigInteger bits(InetAddress address) {
    BigInteger bits = new BigInteger(1, address.getAddress());
    return address.getAddress().length == 4 ? bits.or(V4_MAPPED) : bits;
  }

  /** The address back from {@link #bits}, of the family given. */
  static InetAddress address(BigInteger bits, boolean ipv4) {
    byte[] raw =
        bits.and(ipv4 ? V4_MASK : BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
            .toByteArray();
    byte[] out = new byte[ipv4 ? 4 : 16];
    int n = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - n, out, out.length - n, n);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of length " + out.length, e);
    }
  }

  /** The last address of {@code first/length}, or empty when the length does not fit. */
  static Optional<InetAddress> last(InetAddress first, int length) {
    int width = first.getAddress().length * 8;
    if (length < 0 || length > width) {
      return Optional.empty();
    }
    BigInteger hostBits = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
    return Optional.of(address(bits(first).or(hostBits), width == 32));
  }
}
