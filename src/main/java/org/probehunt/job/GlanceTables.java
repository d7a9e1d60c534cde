package org.probehunt.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.probehunt.report.Glance;
import org.probehunt.report.Glance.Campaign;
import org.probehunt.report.Glance.Count;
import org.probehunt.report.Glance.Host;
import org.probehunt.report.Glance.Ranked;
import org.probehunt.report.Summary;

/**
 * report.html's figures, aggregated by Spark from the host and request tables the CSV files are
 * written from. Each list the driver collects is cut to a fixed length in the tasks, so the driver
 * holds the same few rows for 10 flagged hosts or 200,000.
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

  private GlanceTables() {}

  static Glance of(
      Dataset<Row> hosts, ProbeRanks ranks, HostTotals totals, Summary summary, String server) {
    Map<String, List<Ranked>> perHost = perHost(hosts);
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
        campaigns(hosts),
        longOf(summary, "campaigns"),
        perHost.getOrDefault("network", List.of()),
        perHost.getOrDefault("contact", List.of()),
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

  /** Flagged hosts and their probes per network and per contact, most hosts first: one job. */
  private static Map<String, List<Ranked>> perHost(Dataset<Row> hosts) {
    Dataset<Row> keyed =
        hosts
            .select(lit("network"), col("network"), col("holder"), col("probes"))
            .union(hosts.select(lit("contact"), col("contact"), col("country"), col("probes")))
            .toDF("kind", "name", "detail", "probes");
    Map<String, List<Ranked>> top = new TreeMap<>();
    for (Row r :
        firstOfEachKind(
            keyed
                .filter(col("name").isNotNull().and(col("name").notEqual("")))
                .groupBy("kind", "name")
                .agg(max("detail"), count(lit(1)).as("hosts"), sum("probes").as("probes")),
            lit(TOP),
            desc("hosts"),
            desc("probes"),
            asc("name"))) {
      top.computeIfAbsent(r.getString(0), kind -> new ArrayList<>())
          .add(new Ranked(r.getString(1), r.getString(2), r.getLong(4), r.getLong(3)));
    }
    return top;
  }

  /**
   * The first rows of each {@code kind} in {@code order}, as many as {@code limit} says, sorted by
   * kind and rank on the driver (they are few; a sort in Spark would cost a sampling job).
   */
  private static List<Row> firstOfEachKind(Dataset<Row> rows, Column limit, Column... order) {
    List<Row> first =
        new ArrayList<>(
            rows.withColumn("rank", row_number().over(Window.partitionBy("kind").orderBy(order)))
                .filter(col("rank").leq(limit))
                .collectAsList());
    int rank = first.isEmpty() ? 0 : first.get(0).fieldIndex("rank");
    first.sort(
        Comparator.comparing((Row r) -> r.getString(0)).thenComparingInt(r -> r.getInt(rank)));
    return first;
  }

  private static List<Campaign> campaigns(Dataset<Row> hosts) {
    List<Campaign> top = new ArrayList<>();
    for (Row r :
        hosts
            .groupBy("campaign", "rules")
            .agg(
                count(lit(1)).as("hosts"),
                sum("probes").as("probes"),
                slice(array_sort(collect_list(col("host"))), 1, CAMPAIGN_HOSTS).as("some"))
            .orderBy(desc("hosts"), desc("probes"), asc("campaign"))
            .limit(CAMPAIGNS)
            .collectAsList()) {
      top.add(
          new Campaign(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getList(4)));
    }
    return top;
  }

  private static List<Host> hostRows(Dataset<Row> hosts) {
    List<Host> rows = new ArrayList<>();
    for (Row r :
        hosts
            .orderBy(desc("probes"), asc("host"))
            .limit(HOSTS)
            .select(
                "host",
                "probes",
                "requests",
                "first_seen",
                "last_seen",
                "rules",
                "campaign",
                "contact",
                "country",
                "actor")
            .collectAsList()) {
      rows.add(
          new Host(
              r.getString(0),
              r.getLong(1),
              r.getLong(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              r.getString(6),
              r.getString(7),
              r.getString(8),
              r.getString(9)));
    }
    return rows;
  }
}
