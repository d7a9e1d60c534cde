package org.probehunt.contact;

import java.util.Map;

/** How to find the abuse contact of an address nobody has listed. */
public final class LookupHints {
  /** Each registry answers whois for its own blocks; asking it directly saves a referral. */
  private static final Map<String, String> WHOIS =
      Map.of(
          "afrinic", "whois.afrinic.net",
          "apnic", "whois.apnic.net",
          "arin", "whois.arin.net",
          "lacnic", "whois.lacnic.net",
          "ripencc", "whois.ripe.net");

  private LookupHints() {}

  /**
   * E.g. {@code whois -h whois.apnic.net 192.0.2.1 (apnic, JP) / https://rdap.org/ip/192.0.2.1}.
   */
  public static String forIp(String ip, RirInfo rir) {
    String server = rir == null ? null : WHOIS.get(rir.registry());
    StringBuilder hint = new StringBuilder("whois ");
    if (server != null) {
      hint.append("-h ").append(server).append(' ');
    }
    hint.append(ip);
    if (rir != null) {
      hint.append(" (").append(rir.registry());
      if (rir.country() != null && !rir.country().isEmpty()) {
        hint.append(", ").append(rir.country());
      }
      hint.append(')');
    }
    // rdap.org redirects to the right registry's RDAP server.
    return hint.append(" / https://rdap.org/ip/").append(ip).toString();
  }

  /** For a host name that is not under a public suffix: only its address can be looked up. */
  public static String forName() {
    return "whois <IP> / https://rdap.org/ip/<IP> (<IP>: the address this host connected from)";
  }
}
