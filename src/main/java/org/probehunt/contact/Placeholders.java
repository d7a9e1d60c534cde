package org.probehunt.contact;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probehunt.parse.AddressRange;

/**
 * Registry objects that stand for address space rather than for a network: the whole address space
 * ({@code IANA-BLK}, {@code ::/0 ROOT}), space another registry manages ({@code
 * NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK}, APNIC's {@code IANA-NETBLOCK-8} "not allocated to APNIC"),
 * early-registration and transfer stubs ({@code ERX-NETBLOCK}, {@code AFRINIC-NET-TRANSFERRED-*}).
 * Their contacts are the registries' own desks, never the network's.
 */
final class Placeholders {
  private static final Set<String> NETNAMES =
      Set.of("IANA-BLK", "ROOT", "IANA-RSVD", "NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK", "ERX-NETBLOCK");
  private static final List<String> NETNAME_PARTS =
      List.of("IANA-BLK-", "IANA-NETBLOCK-", "NET-TRANSFERRED", "EU-ZZ-");
  private static final List<String> DESCR_PHRASES =
      List.of(
          "not allocated to",
          "not allocated by",
          "not managed by",
          "not administered by",
          "not registered in",
          "whole ipv4 address space",
          "whole ipv6 address space",
          "early registration addresses",
          "transferred to");
  // No network is larger than an IPv4 /8 or an IPv6 /12: blocks beyond are a registry's own.
  private static final BigInteger V4_LIMIT = BigInteger.ONE.shiftLeft(24);
  private static final BigInteger V6_LIMIT = BigInteger.ONE.shiftLeft(116);

  private Placeholders() {}

  /** Whether a network of this range, netname (nullable) and descr lines is a placeholder. */
  static boolean isPlaceholder(AddressRange range, String netname, List<String> descr) {
    if (range.size().compareTo(range.isIpv4() ? V4_LIMIT : V6_LIMIT) > 0) {
      return true;
    }
    String name = netname == null ? "" : netname.toUpperCase(Locale.ROOT);
    if (NETNAMES.contains(name) || NETNAME_PARTS.stream().anyMatch(name::contains)) {
      return true;
    }
    return descr.stream()
        .map(d -> d.toLowerCase(Locale.ROOT))
        .anyMatch(d -> DESCR_PHRASES.stream().anyMatch(d::contains));
  }
}
