package org.probehunt.job;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Which hosts probed: the per-host aggregation of the first pass's probes. */
final class Findings {
  private Findings() {}

  /**
   * Hosts with at least {@code minProbes} probes, sorted by host, as rows of {@link
   * Rows#FLAGGED}: host, probes, and the distinct rules and categories, each joined by ';'. The
   * driver holds this list (it broadcasts the hosts to the second pass), never their requests.
   */
  static List<Row> flag(Dataset<Row> probes, int minProbes) {
    return probes
        .groupBy("host")
        .agg(
            count(lit(1)).as("probes"),
            distinctParts("rule").as("rules"),
            distinctParts("categories").as("categories"))
        .filter(col("probes").geq(minProbes))
        .orderBy("host")
        .collectAsList();
  }

  /**
   * The distinct, sorted parts of a ';'-joined column over a group, joined again. The set is
   * taken of whole cells first, so a host's memory holds its distinct rule combinations, not one
   * entry per probe.
   */
  private static Column distinctParts(String column) {
    return concat_ws(
        ";", array_sort(array_distinct(flatten(collect_set(split(col(column), ";"))))));
  }
}
