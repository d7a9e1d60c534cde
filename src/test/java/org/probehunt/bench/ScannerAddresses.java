package org.probehunt.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded public addresses for a busy month's drive-by scanners: IPv4 drawn over the whole public
 * space, so that they land in many networks of every registry, and about one in fifty IPv6.
 */
final class ScannerAddresses {
  /**
   * IPv4 blocks no scanner on the Internet comes from: IANA's special-purpose registry (this
   * network, private use, shared CGNAT space, loopback, link local, IETF protocol assignments,
   * documentation, 6to4 relay, benchmarking), multicast and the reserved 240/4.
   */
  private static final List<String> SPECIAL_BLOCKS =
      List.of(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.88.99.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/4",
          "240.0.0.0/4");

  private static final int[] NETWORKS = new int[SPECIAL_BLOCKS.size()];
  private static final int[] MASKS = new int[SPECIAL_BLOCKS.size()];

  static {
    for (int i = 0; i < SPECIAL_BLOCKS.size(); i++) {
      String[] block = SPECIAL_BLOCKS.get(i).split("/");
      MASKS[i] = -1 << (32 - Integer.parseInt(block[1]));
      NETWORKS[i] = parseIpv4(block[0]) & MASKS[i];
    }
  }

  /** The first 16 bits of the /12 each regional registry got from IANA for IPv6 in 2006. */
  private static final int[] REGISTRY_IPV6 = {0x2400, 0x2600, 0x2800, 0x2a00, 0x2c00};

  private ScannerAddresses() {}

  /**
   * {@code count} distinct addresses in a fixed order for a seed, none of them in {@code taken}
   * (the corpus's other clients, so that no visitor shares an address with a scanner).
   */
  static List<String> draw(long seed, int count, Set<String> taken) {
    SplittableRandom r = new SplittableRandom(Clients.mix(seed, 3L << 40));
    List<String> drawn = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    int previous = -1;
    while (drawn.size() < count) {
      String address;
      if (r.nextInt(50) == 0) {
        address = ipv6(r);
      } else {
        // One in eight is a neighbour of the one before, as rented servers of one provider are.
        int v4 =
            previous != -1 && r.nextInt(8) == 0 ? previous & 0xffffff00 : r.nextInt() & 0xffffff00;
        if (special(v4)) {
          continue;
        }
        // Never .0 or .255: they are usable in a large block but look like network or broadcast.
        v4 |= 1 + r.nextInt(254);
        previous = v4;
        address = ipv4(v4);
      }
      if (!taken.contains(address) && seen.add(address)) {
        drawn.add(address);
      }
    }
    return drawn;
  }

  /** Whether an IPv4 address, as an int in network order, lies in a special-use block. */
  static boolean special(int address) {
    for (int i = 0; i < NETWORKS.length; i++) {
      if ((address & MASKS[i]) == NETWORKS[i]) {
        return true;
      }
    }
    return false;
  }

  static int parseIpv4(String dotted) {
    String[] octets = dotted.split("\\.", -1);
    if (octets.length != 4) {
      throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
    }
    int address = 0;
    for (String octet : octets) {
      address = address << 8 | Integer.parseInt(octet);
    }
    return address;
  }

  static String ipv4(int address) {
    return (address >>> 24)
        + "."
        + (address >>> 16 & 0xff)
        + "."
        + (address >>> 8 & 0xff)
        + "."
        + (address & 0xff);
  }

  /**
   * An address in one registry's /12, written as Apache logs it (RFC 5952: lower case, no leading
   * zeros, the zero run shortened): a server's {@code ::n} or a full interface id.
   */
  private static String ipv6(SplittableRandom r) {
    StringBuilder text = new StringBuilder(39);
    text.append(
        Integer.toHexString(REGISTRY_IPV6[r.nextInt(REGISTRY_IPV6.length)] | r.nextInt(16)));
    for (int group = 1; group < 4; group++) {
      text.append(':').append(Integer.toHexString(1 + r.nextInt(0xffff)));
    }
    if (r.nextBoolean()) {
      return text.append("::").append(Integer.toHexString(1 + r.nextInt(0xff))).toString();
    }
    for (int group = 4; group < 8; group++) {
      text.append(':').append(Integer.toHexString(1 + r.nextInt(0xffff)));
    }
    return text.toString();
  }
}
