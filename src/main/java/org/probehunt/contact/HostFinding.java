package org.probehunt.contact;

import java.io.Serializable;
import java.util.List;

/**
 * What one host did: first and last request time (ISO-8601 with the log's offset, e.g. {@code
 * 1998-11-23T19:52:17+09:00}), probe and request counts, matched rule ids and categories; and, for
 * an address, its network and the network's holder as the registry data give them (null when
 * unknown), so that a letter to a network's abuse desk can say which of its hosts did what; and the
 * earlier report of a host that probes again (null when none).
 */
public record HostFinding(
    String host,
    String firstSeen,
    String lastSeen,
    long probes,
    long requests,
    List<String> rules,
    List<String> categories,
    String network,
    String holder,
    Reported earlier)
    implements Serializable {
  public HostFinding {
    rules = List.copyOf(rules);
    categories = List.copyOf(categories);
  }

  /** A finding never reported before. */
  public HostFinding(
      String host,
      String firstSeen,
      String lastSeen,
      long probes,
      long requests,
      List<String> rules,
      List<String> categories,
      String network,
      String holder) {
    this(host, firstSeen, lastSeen, probes, requests, rules, categories, network, holder, null);
  }

  /** A finding without registry data. */
  public HostFinding(
      String host,
      String firstSeen,
      String lastSeen,
      long probes,
      long requests,
      List<String> rules,
      List<String> categories) {
    this(host, firstSeen, lastSeen, probes, requests, rules, categories, null, null);
  }
}
