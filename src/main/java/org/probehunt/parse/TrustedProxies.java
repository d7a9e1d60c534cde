package org.probehunt.parse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reverse proxies, load balancers and CDNs a site's server sees every request through. A line
 * whose logged client is one of them was sent by the client its proxy names: the rightmost address
 * of {@code X-Forwarded-For} that is not itself a trusted proxy, else {@code X-Real-IP}, else the
 * rightmost such {@code for=} of {@code Forwarded}. Only the entries a trusted proxy appended are
 * believed: an entry left of the first untrusted one was written by the client and may be forged,
 * and an entry that is no address (a name, {@code unknown}, garbage) ends the search. When no
 * address is usable, the line stays the proxy's, and the proxy is never flagged.
 */
public final class TrustedProxies implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Trusts no one: every logged client is the client. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<AddressRange> blocks;

  private TrustedProxies(List<AddressRange> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Reads addresses and CIDR blocks, IPv4 or IPv6, several to an item when separated by commas.
   *
   * @throws IllegalArgumentException naming the first item that is neither
   */
  public static TrustedProxies parse(List<String> specs) {
    List<AddressRange> blocks = new ArrayList<>();
    for (String spec : specs) {
      for (String item : spec.split(",", -1)) {
        Optional<AddressRange> block =
            item.indexOf('-') >= 0 ? Optional.empty() : AddressRange.parse(item);
        blocks.add(
            block.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "bad trusted proxy '"
                            + item.strip()
                            + "' (expected an IPv4 or IPv6 address or CIDR block, e.g."
                            + " 10.0.0.0/8 or 2001:db8::/32)")));
      }
    }
    return new TrustedProxies(blocks);
  }

  /** Whether no proxy is trusted, so that lines need no look at all. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * The trusted ranges as text, one {@code FIRST-LAST} of 32 hex digits each, sorted and without
   * repeats: equal for lists that trust the same blocks in another order, for a rule digest.
   */
  public List<String> canonical() {
    TreeSet<String> texts = new TreeSet<>();
    for (AddressRange b : blocks) {
      texts.add(
          String.format(
              Locale.ROOT,
              "%016x%016x-%016x%016x",
              b.firstHi(),
              b.firstLo(),
              b.lastHi(),
              b.lastLo()));
    }
    return List.copyOf(texts);
  }

  /** Whether {@code host}, a client as {@link ClientHosts} writes it, is a trusted proxy. */
  public boolean trusts(String host) {
    if (blocks.isEmpty()) {
      return false;
    }
    long[] address = new long[2];
    // A host name is never trusted: it says nothing of where a request came from.
    return AddressRange.address(host, address) && AddressRange.anyContains(blocks, address);
  }

  /**
   * {@code request} as its real client sent it when its logged client is a trusted proxy that named
   * one (the logged client then in {@link Request#proxy()}); else {@code request} itself.
   *
   * @param firstExtraForwards whether the line's format has no named headers and its first extra
   *     field is X-Forwarded-For, as in {@code combined_extra}
   */
  public Request resolve(Request request, boolean firstExtraForwards) {
    if (!trusts(request.host())) {
      return request;
    }
    Forwarding headers = request.forwarding();
    if (headers == null && firstExtraForwards && !request.extras().isEmpty()) {
      headers = new Forwarding(request.extras().get(0), null, null);
    }
    String client = headers == null ? null : client(headers);
    return client == null ? request : request.forwardedFor(client);
  }

  /** The client the headers name, in canonical form, or null when they name none usable. */
  String client(Forwarding headers) {
    String client = rightmostUntrusted(headers.forwardedFor(), false);
    if (client == null && headers.realIp() != null) {
      client = ForwardedAddresses.address(headers.realIp());
      client = client == null || trusts(client) ? null : client;
    }
    return client != null ? client : rightmostUntrusted(headers.forwarded(), true);
  }

  /** The rightmost element of a comma list that is an address and not trusted; null if none. */
  private String rightmostUntrusted(String list, boolean rfc7239) {
    if (list == null) {
      return null;
    }
    int end = list.length();
    while (end >= 0) {
      int comma = list.lastIndexOf(',', end - 1);
      String element = list.substring(comma + 1, end);
      String address =
          ForwardedAddresses.address(rfc7239 ? ForwardedAddresses.forValue(element) : element);
      if (address == null) {
        return null;
      }
      if (!trusts(address)) {
        return address;
      }
      end = comma;
    }
    return null;
  }
}
