package org.probehunt.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.probehunt.report.Glance;
import org.probehunt.report.Glance.Campaign;
import org.probehunt.report.Glance.Count;
import org.probehunt.report.Glance.Host;
import org.probehunt.report.Summary;

/**
 * report.html's figures, from the host pass's output: each list the driver gets is cut to a fixed
 * length in the tasks, so the driver holds the same few rows for 10 flagged hosts or 200,000.
 */
final class GlanceTables {
  /** Hosts in the page's table; hosts.csv has them all. */
  static final int HOSTS = 1000;

  static final int TOP = 10;
  static final int TOP_RULES = 15;
  static final int CAMPAIGNS = 20;
  static final int CAMPAIGN_HOSTS = 6;

  /** Days in the chart at most: ten years of daily bars is already more than a page can show. */
  static final int DAYS = 3660;

  /** Most probes first, then by name. */
  private static final Comparator<Row> MOST_PROBES = new MostProbes();

  private GlanceTables() {}

  static Glance of(
      JavaRDD<Row> hosts,
      JavaRDD<CampaignTable.Campaign> campaigns,
      ProbeRanks ranks,
      HostTotals totals,
      Summary summary,
      String server) {
    return new Glance(
        server,
        totals.firstSeen(),
        totals.lastSeen(),
        counts(summary),
        ranks.days(),
        ranks.top(ProbeRanks.RULE, TOP_RULES),
        ranks.top(ProbeRanks.CATEGORY, TOP_RULES),
        ranks.top(ProbeRanks.PATH, TOP),
        ranks.top(ProbeRanks.AGENT, TOP),
        campaigns(campaigns),
        longOf(summary, "campaigns"),
        ranks.top(ProbeRanks.NETWORK, TOP),
        ranks.top(ProbeRanks.CONTACT, TOP),
        hostRows(hosts),
        totals.hosts());
  }

  private static List<Count> counts(Summary summary) {
    List<Count> counts = new ArrayList<>();
    for (Map.Entry<String, Object> e : summary.values().entrySet()) {
      if (e.getValue() instanceof Long || e.getValue() instanceof String) {
        counts.add(new Count(e.getKey(), String.valueOf(e.getValue())));
      }
    }
    return counts;
  }

  private static long longOf(Summary summary, String key) {
    return summary.values().get(key) instanceof Long n ? n : 0;
  }

  private static List<Campaign> campaigns(JavaRDD<CampaignTable.Campaign> campaigns) {
    List<Campaign> top = new ArrayList<>();
    for (CampaignTable.Campaign c : campaigns.takeOrdered(CAMPAIGNS, CampaignTable.LARGEST)) {
      List<String> names = c.names();
      top.add(
          new Campaign(
              c.id(),
              c.rules(),
              c.hosts(),
              c.probes(),
              List.copyOf(names.subList(0, Math.min(CAMPAIGN_HOSTS, names.size())))));
    }
    return top;
  }

  private static List<Host> hostRows(JavaRDD<Row> hosts) {
    List<Host> rows = new ArrayList<>();
    for (Row r : hosts.takeOrdered(HOSTS, MOST_PROBES)) {
      rows.add(
          new Host(
              r.getString(HostTable.HOST),
              r.getLong(HostTable.PROBES),
              r.getLong(HostTable.REQUESTS),
              r.getString(HostTable.FIRST_SEEN),
              r.getString(HostTable.LAST_SEEN),
              r.getString(HostTable.RULES),
              r.getString(HostTable.CAMPAIGN),
              r.getString(HostTable.CONTACT),
              r.getString(HostTable.COUNTRY),
              r.getString(HostTable.ACTOR)));
    }
    return rows;
  }

  private static final class MostProbes implements Comparator<Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Row a, Row b) {
      int c = Long.compare(b.getLong(HostTable.PROBES), a.getLong(HostTable.PROBES));
      return c != 0
          ? c
          : Utf8Order.STRINGS.compare(a.getString(HostTable.HOST), b.getString(HostTable.HOST));
    }
  }
}
