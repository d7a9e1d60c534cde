package org.probehunt.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups hosts that sent the same set of probes: one scanning kit run from many places shows up as
 * one campaign. A campaign's id comes from its rule set alone, so that the same kit keeps its id
 * from one month's run to the next.
 */
public final class Campaigns {
  /**
   * One campaign.
   *
   * @param id {@code c-} and the first hex digits of the SHA-256 of the rule ids
   * @param rules the rule ids the hosts share, sorted
   * @param hosts the hosts, sorted
   * @param firstSeen earliest time of any of the hosts (ISO-8601), or null
   * @param lastSeen latest time of any of the hosts (ISO-8601), or null
   */
  public record Campaign(
      String id, List<String> rules, List<String> hosts, String firstSeen, String lastSeen) {}

  /** What a host contributes: its rules and its time span as (epoch, ISO) pairs. */
  public record Member(
      String host,
      List<String> rules,
      long firstEpoch,
      String firstSeen,
      long lastEpoch,
      String lastSeen) {}

  private Campaigns() {}

  /** The campaigns of these hosts, ordered by rule set. */
  public static List<Campaign> group(List<Member> members) {
    Map<String, List<Member>> byRules = new TreeMap<>();
    for (Member m : members) {
      byRules.computeIfAbsent(String.join(";", m.rules()), k -> new ArrayList<>()).add(m);
    }
    List<Campaign> campaigns = new ArrayList<>(byRules.size());
    for (Map.Entry<String, List<Member>> e : byRules.entrySet()) {
      List<Member> group = e.getValue();
      Member first = group.get(0);
      Member last = group.get(0);
      List<String> hosts = new ArrayList<>(group.size());
      for (Member m : group) {
        hosts.add(m.host());
        if (m.firstEpoch() < first.firstEpoch()) {
          first = m;
        }
        if (m.lastEpoch() > last.lastEpoch()) {
          last = m;
        }
      }
      hosts.sort(null);
      campaigns.add(
          new Campaign(idOf(e.getKey()), first.rules(), hosts, first.firstSeen(), last.lastSeen()));
    }
    return campaigns;
  }

  /** The stable id of a rule set. */
  public static String idOf(String joinedRules) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(joinedRules.getBytes(StandardCharsets.UTF_8));
      return "c-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
