package org.probehunt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The host table's totals, in one Spark job: what the console, summary.json and report.html's
 * period need. Each request row belongs to one flagged host, so the hosts' request counts add up to
 * the request table's size without a job of its own to count it.
 *
 * @param firstSeen the earliest first_seen (by time), null when no host was flagged
 * @param lastSeen the latest last_seen (by time), null when no host was flagged
 */
record HostTotals(
    long hosts,
    long probes,
    long requests,
    long research,
    long again,
    long known,
    String firstSeen,
    String lastSeen) {

  /** Aggregates {@code hosts} (HostTable's columns); also fills its cache when it is persisted. */
  static HostTotals of(Dataset<Row> hosts) {
    Row r =
        hosts
            .agg(
                count(lit(1)),
                sum("probes"),
                sum("requests"),
                count(when(isResearch(), 1)),
                count(when(col("status").equalTo("again"), 1)),
                count(when(col("status").equalTo("known"), 1)),
                min(struct(col("first_epoch"), col("first_seen"))),
                max(struct(col("last_epoch"), col("last_seen"))))
            .collectAsList()
            .get(0);
    return new HostTotals(
        r.getLong(0),
        r.isNullAt(1) ? 0 : r.getLong(1),
        r.isNullAt(2) ? 0 : r.getLong(2),
        r.getLong(3),
        r.getLong(4),
        r.getLong(5),
        r.isNullAt(6) ? null : r.getStruct(6).getString(1),
        r.isNullAt(7) ? null : r.getStruct(7).getString(1));
  }

  /** A host recognised as a research scanner: hosts.csv names its actor. */
  private static Column isResearch() {
    return col("actor").isNotNull().and(col("actor").notEqual(""));
  }
}
