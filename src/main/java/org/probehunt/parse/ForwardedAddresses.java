package org.probehunt.parse;

import java.util.Locale;

/** Reads the addresses proxies write into forwarding headers, ports and quotes included. */
final class ForwardedAddresses {
  private ForwardedAddresses() {}

  /**
   * The address in one header element ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code
   * [2001:db8::1]:443}, {@code 2001:db8::1}) as {@link ClientHosts} writes clients; null for
   * anything else, host names and {@code unknown} among them.
   */
  static String address(String element) {
    if (element == null) {
      return null;
    }
    String text = element.strip();
    int from = 0;
    int to = text.length();
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || (close + 1 < to && text.charAt(close + 1) != ':')) {
        return null;
      }
      from = 1;
      to = close;
    } else {
      int colon = text.indexOf(':');
      if (colon >= 0 && colon == text.lastIndexOf(':') && text.indexOf('.') >= 0) {
        to = colon; // IPv4 with a port
      }
    }
    long[] value = new long[2];
    int bits = from >= to ? -1 : IpLiterals.parse(text, from, to, 4, value);
    // Brackets belong to IPv6 only, as in ClientHosts: [192.0.2.1] is no address.
    if (bits < 0 || (from == 1 && bits != 128)) {
      return null;
    }
    return ClientHosts.canonical(text, from, to);
  }

  /** The value of the {@code for} parameter of one RFC 7239 element, quotes removed; or null. */
  static String forValue(String element) {
    for (String pair : element.split(";", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
        String value = pair.substring(eq + 1).strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1)
            : value;
      }
    }
    return null;
  }
}
