package org.probehunt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** summary.json's probes per rule, counted by Spark: the driver receives one row per rule. */
final class RuleCounts {
  private RuleCounts() {}

  /**
   * For every rule that flagged a request of a flagged host, how many requests it flagged, by rule
   * id. A request that two rules flag counts once for each.
   */
  static Map<String, Long> probesByRule(Dataset<Row> requests) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r :
        requests
            .filter(col("probe"))
            .select(explode(split(col("rule"), ";")).as("rule_id"))
            .groupBy("rule_id")
            .agg(count(lit(1)))
            .collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }
}
