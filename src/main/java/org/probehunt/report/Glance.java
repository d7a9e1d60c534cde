package org.probehunt.report;

import java.util.List;

/**
 * What report.html shows: small aggregates of the same tables the CSV files are written from, each
 * list already sorted and cut to its length.
 *
 * @param server the attacked server (--server-name)
 * @param firstSeen the first request of a flagged host (ISO-8601), or null when none was flagged
 * @param lastSeen the last request of a flagged host, or null
 * @param counts summary.json's entries, in its order
 * @param days probes per day, by day (the log's own date), days without probes left out
 * @param rules the rules matched most, by probe requests
 * @param categories the rule categories matched most
 * @param paths the paths probed most
 * @param agents the user agents of the most probe requests
 * @param campaigns the campaigns with most hosts
 * @param campaignTotal how many campaigns there are
 * @param networks the networks with most flagged hosts
 * @param contacts the contacts with most flagged hosts
 * @param hosts the flagged hosts with most probes
 * @param hostTotal how many hosts were flagged
 */
public record Glance(
    String server,
    String firstSeen,
    String lastSeen,
    List<Count> counts,
    List<DayCount> days,
    List<Ranked> rules,
    List<Ranked> categories,
    List<Ranked> paths,
    List<Ranked> agents,
    List<Campaign> campaigns,
    long campaignTotal,
    List<Ranked> networks,
    List<Ranked> contacts,
    List<Host> hosts,
    long hostTotal) {
  public Glance {
    counts = List.copyOf(counts);
    days = List.copyOf(days);
    rules = List.copyOf(rules);
    categories = List.copyOf(categories);
    paths = List.copyOf(paths);
    agents = List.copyOf(agents);
    campaigns = List.copyOf(campaigns);
    networks = List.copyOf(networks);
    contacts = List.copyOf(contacts);
    hosts = List.copyOf(hosts);
  }

  /** One entry of summary.json: its key and its value as written there. */
  public record Count(String key, String value) {}

  /** Probe requests on one day, {@code yyyy-MM-dd}. */
  public record DayCount(String day, long probes) {}

  /**
   * One line of a top list.
   *
   * @param name the rule, path, network, ...
   * @param detail a second text (a network's holder, a contact's country), or null
   * @param probes probe requests
   * @param hosts flagged hosts
   */
  public record Ranked(String name, String detail, long probes, long hosts) {}

  /**
   * A set of rules shared by hosts.
   *
   * @param id campaigns.csv's campaign
   * @param rules the rules, joined by ';'
   * @param hosts how many hosts
   * @param probes their probes
   * @param someHosts the first of its hosts by name
   */
  public record Campaign(String id, String rules, long hosts, long probes, List<String> someHosts) {
    public Campaign {
      someHosts = List.copyOf(someHosts);
    }
  }

  /** A row of hosts.csv, the columns the page shows. */
  public record Host(
      String host,
      long probes,
      long requests,
      String firstSeen,
      String lastSeen,
      String rules,
      String campaign,
      String contact,
      String country,
      String actor) {}
}
