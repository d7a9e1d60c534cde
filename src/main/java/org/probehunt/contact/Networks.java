package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The block an address is grouped in when nothing else is known of it. */
final class Networks {
  private Networks() {}

  /** The /24 of an IPv4 address or the /48 of an IPv6 one, e.g. {@code 192.0.2.0/24}. */
  static String around(String ip) {
    byte[] bytes = InetAddresses.forString(ip).getAddress();
    int prefix = bytes.length == 4 ? 24 : 48;
    for (int i = prefix / 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    try {
      InetAddress block = InetAddress.getByAddress(bytes);
      String text =
          block instanceof Inet4Address
              ? block.getHostAddress()
              : InetAddresses.toAddrString(block);
      return text + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }
}
