package org.probehunt.detect;

import com.google.common.net.InetAddresses;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Hosts never reported (own monitoring, known partners), given as names, addresses or CIDR blocks. */
public final class HostAllowList implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME =
      Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

  /** Allows nothing. */
  public static final HostAllowList NONE = new HostAllowList(Set.of(), List.of());

  /** An address block; a single address is a block of full length. */
  private record Block(byte[] network, int prefix) implements Serializable {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return rest == 0 || (address[full] & mask) == (network[full] & mask);
    }
  }

  private final Set<String> names;
  private final List<Block> blocks;

  private HostAllowList(Set<String> names, List<Block> blocks) {
    this.names = Set.copyOf(names);
    this.blocks = List.copyOf(blocks);
  }

  /** Reads specs such as {@code monitor.example.org}, {@code 192.0.2.7}, {@code 2001:db8::/32}. */
  public static HostAllowList parse(List<String> specs) {
    Set<String> names = new HashSet<>();
    List<Block> blocks = new ArrayList<>();
    for (String raw : specs) {
      String spec = raw == null ? "" : raw.strip();
      int slash = spec.indexOf('/');
      if (slash >= 0) {
        blocks.add(block(spec, spec.substring(0, slash), spec.substring(slash + 1)));
      } else if (address(spec) != null) {
        byte[] bytes = address(spec).getAddress();
        blocks.add(new Block(bytes, bytes.length * 8));
      } else if (NAME.matcher(spec).matches() && !spec.matches("[0-9.]+")) {
        names.add(lowerName(spec));
      } else {
        throw new IllegalArgumentException("bad allowed host '" + raw
            + "' (expected a host name, an IPv4 or IPv6 address, or a CIDR block like 192.0.2.0/24)");
      }
    }
    return new HostAllowList(names, blocks);
  }

  /** Whether the logged client host is allowed: by address block if it is an address, else by name. */
  public boolean allows(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    InetAddress address = blocks.isEmpty() ? null : address(host.strip());
    if (address != null) {
      byte[] bytes = address.getAddress();
      return blocks.stream().anyMatch(b -> b.contains(bytes));
    }
    return names.contains(lowerName(host.strip()));
  }

  private static Block block(String spec, String addressPart, String prefixPart) {
    InetAddress address = address(addressPart);
    int bits = address == null ? 0 : address.getAddress().length * 8;
    int prefix = prefixPart.matches("[0-9]{1,3}") ? Integer.parseInt(prefixPart) : -1;
    if (address == null || prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("bad allowed CIDR block '" + spec + "' (expected ADDRESS/BITS"
          + " with BITS from 0 to " + (bits == 0 ? "32 or 128" : bits) + ", e.g. 198.51.100.0/24)");
    }
    return new Block(address.getAddress(), prefix);
  }

  /** The address written in {@code text}, brackets allowed, or null; never a DNS lookup. */
  private static InetAddress address(String text) {
    String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    return InetAddresses.isInetAddress(t) ? InetAddresses.forString(t) : null;
  }

  private static String lowerName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
