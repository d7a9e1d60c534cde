package org.probehunt.job;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.KnownSizeEstimation;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassEvent;
import scala.Tuple2;

/** Which hosts probed: the per-host tally of the first pass's probes. */
final class Findings {
  /** One host's probes so far: how many, and the distinct rules and categories they matched. */
  private record Tally(long probes, TreeSet<String> rules, TreeSet<String> categories)
      implements Serializable, KnownSizeEstimation {
    static Tally of(LoggedRequest hit) {
      return new Tally(
          1, new TreeSet<>(hit.detection().ruleIds()), new TreeSet<>(hit.detection().categories()));
    }

    /** The tally, its sets and their strings ({@link Footprint}). */
    @Override
    public long estimatedSize() {
      // The tally (a header, a long and two pointers), each set and its map.
      long size = 32 + 2 * (Footprint.OBJECT + 48);
      for (TreeSet<String> set : List.of(rules, categories)) {
        for (String s : set) {
          size += 40 /* the map's entry */ + Footprint.string(s);
        }
      }
      return size;
    }

    Tally plus(Tally other) {
      rules.addAll(other.rules);
      categories.addAll(other.categories);
      return new Tally(probes + other.probes, rules, categories);
    }
  }

  private Findings() {}

  /**
   * Hosts with at least {@code minProbes} probes, as rows of {@link Rows#FLAGGED}: host, probes,
   * and the distinct rules and categories, each joined by ';'. A plain combine by host: each task
   * holds a tally per host it saw, never a list per probe.
   */
  static JavaRDD<Row> flag(SparkSession spark, JavaRDD<PassEvent> events, int minProbes) {
    return events
        .filter(e -> e instanceof LoggedRequest hit && hit.detection().probe())
        .mapToPair(
            e -> new Tuple2<>(((LoggedRequest) e).request().host(), Tally.of((LoggedRequest) e)))
        // A partition per core, as for the tables after it, not one per input batch.
        .reduceByKey(Tally::plus, spark.sparkContext().defaultParallelism())
        .filter(t -> t._2().probes() >= minProbes)
        .map(
            t ->
                RowFactory.create(
                    t._1(),
                    t._2().probes(),
                    String.join(";", t._2().rules()),
                    String.join(";", t._2().categories())));
  }
}
