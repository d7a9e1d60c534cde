package org.probehunt.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.HashPartitioner;
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

    /** The tally with one more probe, {@code hit}; its sets take the hit's rules and categories. */
    Tally with(LoggedRequest hit) {
      rules.addAll(hit.detection().ruleIds());
      categories.addAll(hit.detection().categories());
      return new Tally(probes + 1, rules, categories);
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
   * The tally of each host that probed in one partition of the first pass's events: a probe adds to
   * its host's sets, rather than making sets of its own to be merged.
   */
  private static Iterator<Tuple2<String, Tally>> tallies(Iterator<PassEvent> events) {
    Map<String, Tally> tallies = new HashMap<>();
    while (events.hasNext()) {
      if (events.next() instanceof LoggedRequest hit && hit.detection().probe()) {
        String host = hit.request().host();
        Tally tally = tallies.get(host);
        tallies.put(host, tally == null ? Tally.of(hit) : tally.with(hit));
      }
    }
    return tallies.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
  }

  /**
   * Hosts with at least {@code minProbes} probes, as rows of {@link Rows#FLAGGED}: host, probes,
   * and the distinct rules and categories, each joined by ';'. A plain combine by host: each task
   * holds a tally per host it saw, never a list per probe.
   */
  static JavaRDD<Row> flag(SparkSession spark, JavaRDD<PassEvent> events, int minProbes) {
    return events
        .mapPartitionsToPair(Findings::tallies)
        // Each host comes once from a partition: nothing to combine before the shuffle. A
        // partition per core, as for the tables after it, not one per input batch.
        .combineByKey(
            t -> t,
            Tally::plus,
            Tally::plus,
            new HashPartitioner(spark.sparkContext().defaultParallelism()),
            false,
            null)
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
