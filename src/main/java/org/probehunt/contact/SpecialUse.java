package org.probehunt.contact;

import java.util.List;
import org.probehunt.parse.AddressRange;

/**
 * Addresses no abuse desk answers for, from IANA's IPv4 and IPv6 special-purpose address registries
 * (RFC 6890 and its updates) plus multicast: such a host is reported, never drafted. The
 * registries' blocks that are globally reachable and run by someone who can be written to (the
 * AS112 and AMT anycast blocks, the NAT64 prefix 64:ff9b::/96, 6to4's 2002::/16) are left out.
 */
public final class SpecialUse {
  private static final List<AddressRange> BLOCKS =
      List.of(
              "0.0.0.0/8", // "this network"
              "10.0.0.0/8", // private (RFC 1918)
              "100.64.0.0/10", // shared address space, carrier-grade NAT (RFC 6598)
              "127.0.0.0/8", // loopback
              "169.254.0.0/16", // link-local
              "172.16.0.0/12", // private
              "192.0.0.0/24", // IETF protocol assignments
              "192.0.2.0/24", // documentation, TEST-NET-1
              "192.88.99.0/24", // deprecated 6to4 relay anycast
              "192.168.0.0/16", // private
              "198.18.0.0/15", // benchmarking
              "198.51.100.0/24", // documentation, TEST-NET-2
              "203.0.113.0/24", // documentation, TEST-NET-3
              "224.0.0.0/4", // multicast
              "240.0.0.0/4", // reserved, and the limited broadcast address in it
              // Unspecified, loopback, and the deprecated IPv4-compatible addresses (RFC 4291)
              "::/96",
              "64:ff9b:1::/48", // local-use IPv4/IPv6 translation
              "100::/64", // discard-only
              "100:0:0:1::/64", // dummy prefix
              "2001::/23", // IETF protocol assignments (Teredo, benchmarking, ORCHID)
              "2001:db8::/32", // documentation
              "3fff::/20", // documentation (RFC 9637)
              "5f00::/16", // segment routing SIDs
              "fc00::/7", // unique-local
              "fe80::/10", // link-local
              "ff00::/8") // multicast
          .stream()
          .map(text -> AddressRange.parse(text).orElseThrow())
          .toList();

  private SpecialUse() {}

  /** True for an IP literal in a special-use block; false for anything else, names included. */
  public static boolean contains(String ip) {
    return Domains.canonicalIp(ip)
        .flatMap(AddressRange::ofAddress)
        .map(a -> BLOCKS.stream().anyMatch(b -> b.contains(a)))
        .orElse(false);
  }
}
