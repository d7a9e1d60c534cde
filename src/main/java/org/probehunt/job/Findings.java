package org.probehunt.job;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.probehunt.contact.HostFinding;

/** The per-host aggregations: which hosts probed, and what all their requests add up to. */
final class Findings {
  /** One flagged host as the first pass sees it: its probes and their rules. */
  record Flagged(String host, long probes, List<String> rules, List<String> categories) {}

  /** A flagged host with all its requests counted; epochs order times of different offsets. */
  record Found(HostFinding finding, long firstEpoch, long lastEpoch) {}

  private Findings() {}

  /** Hosts with at least {@code minProbes} probes, sorted by host. */
  static List<Flagged> flag(Dataset<Row> probes, int minProbes) {
    List<Row> rows =
        probes
            .groupBy("host")
            .agg(
                count(lit(1)).as("probes"),
                distinctParts("rule").as("rules"),
                distinctParts("categories").as("categories"))
            .filter(col("probes").geq(minProbes))
            .orderBy("host")
            .collectAsList();
    List<Flagged> flagged = new ArrayList<>(rows.size());
    for (Row r : rows) {
      flagged.add(new Flagged(r.getString(0), r.getLong(1), r.getList(2), r.getList(3)));
    }
    return flagged;
  }

  /** The flagged hosts completed with their request counts and first and last times. */
  static List<Found> complete(List<Flagged> flagged, Dataset<Row> requests) {
    Map<String, Row> seen = new HashMap<>();
    for (Row r :
        requests
            .groupBy("host")
            .agg(
                count(lit(1)).as("requests"),
                min(struct(col("epoch"), col("time"))).as("first"),
                max(struct(col("epoch"), col("time"))).as("last"))
            .collectAsList()) {
      seen.put(r.getString(0), r);
    }
    List<Found> found = new ArrayList<>(flagged.size());
    for (Flagged f : flagged) {
      // Every flagged host made at least its probes, so the second pass sees it, unless a
      // log was rotated away between the passes: the host is then left out, not guessed at.
      Row s = seen.get(f.host());
      if (s == null) {
        continue;
      }
      Row first = s.getStruct(2);
      Row last = s.getStruct(3);
      HostFinding finding =
          new HostFinding(
              f.host(),
              first.getString(1),
              last.getString(1),
              f.probes(),
              s.getLong(1),
              f.rules(),
              f.categories());
      found.add(new Found(finding, first.getLong(0), last.getLong(0)));
    }
    return found;
  }

  /** The distinct, sorted parts of a ';'-joined column over a group. */
  private static Column distinctParts(String column) {
    return array_sort(array_distinct(flatten(collect_list(split(col(column), ";")))));
  }
}
