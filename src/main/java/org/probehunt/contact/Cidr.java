package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.io.Serializable;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** An address block such as {@code 192.0.2.0/24}; IPv4 and IPv6 never match each other. */
record Cidr(byte[] network, int prefix) implements Serializable {
  /** Parses {@code ADDRESS/PREFIX} or a bare address (a single host); empty when malformed. */
  static Optional<Cidr> parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (!InetAddresses.isInetAddress(address)) {
      return Optional.empty();
    }
    byte[] bytes = InetAddresses.forString(address).getAddress();
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String digits = t.substring(slash + 1);
      if (!digits.matches("[0-9]{1,3}")) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(digits);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(mask(bytes, prefix), prefix));
  }

  /** True when the address (an IP literal, possibly bracketed) is inside this block. */
  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length
        && java.util.Arrays.equals(mask(bytes, prefix), network);
  }

  boolean isIpv4() {
    return network.length == 4;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  @Override
  public String toString() {
    try {
      InetAddress a = InetAddress.getByAddress(network);
      String text = a instanceof Inet4Address ? a.getHostAddress() : InetAddresses.toAddrString(a);
      return text + "/" + prefix;
    } catch (java.net.UnknownHostException e) {
      return new BigInteger(1, network).toString(16) + "/" + prefix;
    }
  }
}
