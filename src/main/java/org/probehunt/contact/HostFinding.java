package org.probehunt.contact;

import java.util.List;

/**
 * What one host did: first and last request time (ISO-8601 with the log's offset, e.g.
 * {@code 1998-11-23T19:52:17+09:00}), probe and request counts, matched rule ids and categories.
 */
public record HostFinding(
    String host,
    String firstSeen,
    String lastSeen,
    long probes,
    long requests,
    List<String> rules,
    List<String> categories) {
  public HostFinding {
    rules = List.copyOf(rules);
    categories = List.copyOf(categories);
  }
}
