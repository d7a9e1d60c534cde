package org.probehunt.detect;

import com.google.re2j.Pattern;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.probehunt.parse.AddressRange;

/**
 * Hosts never reported (own monitoring, known partners), given as names, addresses or CIDR blocks.
 */
public final class HostAllowList implements Serializable {
  private static final long serialVersionUID = 1L;
  // RE2/J like the rules: linear whatever length of name an --allow option gives.
  private static final Pattern NAME =
      Pattern.compile(
          "(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

  /** Allows nothing. */
  public static final HostAllowList NONE = new HostAllowList(Set.of(), List.of());

  private final Set<String> names;
  private final List<AddressRange> blocks;

  /** The first numbers of the IPv4 addresses in the blocks, as 256 bits ({@link #outside}). */
  private final long[] firstNumbers = new long[4];

  /** The first 16-bit groups of the addresses in the blocks, as 65,536 bits ({@link #outside}). */
  private final long[] firstGroups = new long[(1 << 16) / 64];

  /** Whether an allowed name starts with a digit, as dotted decimal does. */
  private final boolean digitNames;

  private HostAllowList(Set<String> names, List<AddressRange> blocks) {
    this.names = Set.copyOf(names);
    this.blocks = List.copyOf(blocks);
    blocks.forEach(
        b -> {
          b.markIpv4FirstNumbers(firstNumbers);
          b.markFirstGroups(firstGroups);
        });
    this.digitNames = names.stream().anyMatch(n -> Character.isDigit(n.charAt(0)));
  }

  /**
   * Loopback clients: the machine's own agents (monitoring, health checks), never a probe. By
   * address only: a log of names (Apache's HostnameLookups) writes what the client's reverse DNS
   * says, and anyone may name an address {@code localhost}.
   */
  static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128", "::ffff:127.0.0.0/104");

  /**
   * Reads specs as {@link #parse(List)} does; with {@code loopback} the loopback addresses are
   * allowed as well.
   */
  public static HostAllowList parse(List<String> specs, boolean loopback) {
    if (!loopback) {
      return parse(specs);
    }
    List<String> all = new ArrayList<>(LOOPBACK);
    all.addAll(specs);
    return parse(all);
  }

  /** Reads specs such as {@code monitor.example.org}, {@code 192.0.2.7}, {@code 2001:db8::/32}. */
  public static HostAllowList parse(List<String> specs) {
    Set<String> names = new HashSet<>();
    List<AddressRange> blocks = new ArrayList<>();
    for (String raw : specs) {
      String spec = raw == null ? "" : raw.strip();
      int slash = spec.indexOf('/');
      Optional<AddressRange> address = AddressRange.ofAddress(spec);
      if (slash >= 0) {
        blocks.add(block(spec, spec.substring(0, slash)));
      } else if (address.isPresent()) {
        blocks.add(address.get());
      } else if (NAME.matcher(spec).matches() && !DIGITS_AND_DOTS.matcher(spec).matches()) {
        names.add(lowerName(spec));
      } else {
        throw new IllegalArgumentException(
            "bad allowed host '"
                + raw
                + "' (expected a host name, an IPv4 or IPv6 address, or a CIDR block like"
                + " 192.0.2.0/24)");
      }
    }
    return new HostAllowList(names, blocks);
  }

  /**
   * Whether the logged client host is allowed: by address block if it is an address, else by name.
   * Asked of every line, so it makes no object for an address.
   */
  public boolean allows(String host) {
    if (host == null || host.isEmpty() || outside(host)) {
      return false;
    }
    String stripped = host.strip();
    if (!blocks.isEmpty()) {
      long[] address = new long[2];
      if (AddressRange.address(stripped, address)) {
        return AddressRange.anyContains(blocks, address);
      }
    }
    return !names.isEmpty() && names.contains(lowerName(stripped));
  }

  /**
   * Whether {@code host} is surely not allowed, by its first number alone: it starts as dotted
   * decimal does (no IPv6 text does), with a number no block's IPv4 addresses start with, and no
   * allowed name starts with a digit; or it starts as IPv6 text does, with one to four hex digits
   * and a colon, or two colons (a first group of 0), and no block's addresses start with that
   * group. Such a host, if an address, is in no block, and if not, is no allowed name (no name
   * holds a colon). Nearly every client of a log is one, and saying so without parsing its address
   * saves the first pass a parse per line.
   */
  private boolean outside(String host) {
    int group = AddressRange.firstGroup(host);
    if (group >= 0) {
      return (firstGroups[group >>> 6] & 1L << group) == 0;
    }
    if (digitNames) {
      return false;
    }
    int number = 0;
    int i = 0;
    for (; i < 3 && i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      number = number * 10 + c - '0';
    }
    return i > 0
        && i < host.length()
        && host.charAt(i) == '.'
        && number <= 255
        && (firstNumbers[number >>> 6] & 1L << number) == 0;
  }

  /** The allowed names, then the address blocks, each sorted: equal lists give equal texts. */
  List<String> canonical() {
    List<String> all = new ArrayList<>(new TreeSet<>(names));
    blocks.stream().sorted().map(AddressRange::toString).distinct().forEach(all::add);
    return all;
  }

  private static AddressRange block(String spec, String addressPart) {
    Optional<AddressRange> address = AddressRange.ofAddress(addressPart);
    String bits = address.isEmpty() ? "32 or 128" : address.get().isIpv4() ? "32" : "128";
    return AddressRange.parse(spec)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "bad allowed CIDR block '"
                        + spec
                        + "' (expected ADDRESS/BITS with BITS from 0 to "
                        + bits
                        + ", e.g. 198.51.100.0/24)"));
  }

  private static String lowerName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
