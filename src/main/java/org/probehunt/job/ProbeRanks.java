package org.probehunt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.probehunt.report.Glance.DayCount;
import org.probehunt.report.Glance.Ranked;

/**
 * The probe requests counted by rule, category, path, user agent and day, in one Spark job: each
 * list is cut to its length in the tasks, except the rules (a rule set's size at most), which
 * summary.json counts in full.
 */
final class ProbeRanks {
  static final String RULE = "rule";
  static final String CATEGORY = "category";
  static final String PATH = "path";
  static final String AGENT = "agent";
  private static final String DAY = "day";

  private static final StructType NAMED =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, true)
          .add("host", DataTypes.StringType, true);

  /** Ranked lists by kind: most probes first, then by name; days are in date order instead. */
  private final Map<String, List<Ranked>> ranked;

  private ProbeRanks(Map<String, List<Ranked>> ranked) {
    this.ranked = ranked;
  }

  /** Counts the probes of {@code requests} (the request table's columns). */
  static ProbeRanks of(Dataset<Row> requests) {
    // One row per (kind, name) of each probe, from one scan of the table: a union of five
    // selects read the cached table five times, in five tasks per partition.
    Dataset<Row> named =
        requests
            .filter(col("probe"))
            .select("rule", "categories", "path", "user_agent", "time", "host")
            .flatMap((FlatMapFunction<Row, Row>) ProbeRanks::named, Encoders.row(NAMED));
    Column kind = col("kind");
    Column limit =
        when(kind.equalTo(RULE), Integer.MAX_VALUE)
            .when(kind.equalTo(CATEGORY), GlanceTables.TOP_RULES)
            .when(kind.equalTo(DAY), GlanceTables.DAYS)
            .otherwise(GlanceTables.TOP);
    // Days rank by date alone: the same probe count for every day leaves the name to order them.
    Column weight = when(kind.equalTo(DAY), lit(0L)).otherwise(col("probes"));
    List<Row> first =
        new ArrayList<>(
            named
                .filter(col("name").isNotNull().and(col("name").notEqual("")))
                .groupBy("kind", "name")
                .agg(count(lit(1)).as("probes"), countDistinct("host").as("hosts"))
                .withColumn(
                    "rank",
                    row_number()
                        .over(Window.partitionBy("kind").orderBy(weight.desc(), col("name").asc())))
                .filter(col("rank").leq(limit))
                .collectAsList());
    // They are few: sorted by kind and rank on the driver (a sort in Spark would cost a job).
    first.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparingInt(r -> r.getInt(4)));
    Map<String, List<Ranked>> ranked = new TreeMap<>();
    for (Row r : first) {
      ranked
          .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new Ranked(r.getString(1), null, r.getLong(2), r.getLong(3)));
    }
    return new ProbeRanks(ranked);
  }

  /** A probe's (kind, name, host) rows: its rules, its categories, path, user agent and day. */
  private static Iterator<Row> named(Row probe) {
    String host = probe.getString(5);
    List<Row> rows = new ArrayList<>();
    each(RULE, probe.getString(0), host, rows);
    each(CATEGORY, probe.getString(1), host, rows);
    rows.add(RowFactory.create(PATH, probe.getString(2), host));
    rows.add(RowFactory.create(AGENT, probe.getString(3), host));
    String time = probe.getString(4);
    String day = time == null ? null : time.substring(0, Math.min(10, time.length()));
    rows.add(RowFactory.create(DAY, day, host));
    return rows.iterator();
  }

  /** A row of {@code kind} for each name in {@code joined} (names joined by ';'; may be null). */
  private static void each(String kind, String joined, String host, List<Row> rows) {
    if (joined != null) {
      for (String name : joined.split(";", -1)) {
        rows.add(RowFactory.create(kind, name, host));
      }
    }
  }

  /** The first {@code limit} of a kind. */
  List<Ranked> top(String kind, int limit) {
    List<Ranked> all = ranked.getOrDefault(kind, List.of());
    return all.subList(0, Math.min(limit, all.size()));
  }

  /**
   * summary.json's probes per rule: for every rule that flagged a request of a flagged host, how
   * many requests it flagged, by rule id. A request that two rules flag counts once for each.
   */
  Map<String, Long> probesByRule() {
    Map<String, Long> counts = new TreeMap<>();
    for (Ranked r : ranked.getOrDefault(RULE, List.of())) {
      counts.put(r.name(), r.probes());
    }
    return counts;
  }

  /** Probes per day, in date order, at most {@link GlanceTables#DAYS} days. */
  List<DayCount> days() {
    List<DayCount> days = new ArrayList<>();
    for (Ranked r : ranked.getOrDefault(DAY, List.of())) {
      days.add(new DayCount(r.name(), r.probes()));
    }
    return days;
  }
}
