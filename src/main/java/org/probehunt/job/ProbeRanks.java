package org.probehunt.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.util.KnownSizeEstimation;
import org.probehunt.report.Glance.DayCount;
import org.probehunt.report.Glance.Ranked;
import org.probehunt.report.Texts;
import scala.Tuple2;

/**
 * The probe requests counted by rule, category, path, user agent and day, and the flagged hosts by
 * network and by contact. The host pass's tasks count their own hosts ({@link Tally}); one shuffle
 * adds the counts up by name, and each of its tasks cuts every list to its length, except the rules
 * (a rule set's size at most), which summary.json counts in full. The driver gets those few rows.
 */
final class ProbeRanks {
  static final String RULE = "rule";
  static final String CATEGORY = "category";
  static final String PATH = "path";
  static final String AGENT = "agent";
  private static final String DAY = "day";
  static final String NETWORK = "network";
  static final String CONTACT = "contact";

  /**
   * A name of a kind, with its probes and the hosts that sent them; for a network its holder, for a
   * contact its country (the greatest, should its hosts differ).
   */
  record Count(String kind, String name, long probes, long hosts, String detail)
      implements Serializable, KnownSizeEstimation {
    /** The count and its strings ({@link Footprint}). */
    @Override
    public long estimatedSize() {
      // A header, three pointers and two longs.
      return 40 + Footprint.string(kind) + Footprint.string(name) + Footprint.string(detail);
    }

    Count plus(Count other) {
      return new Count(
          kind, name, probes + other.probes, hosts + other.hosts, greater(detail, other.detail));
    }

    private static String greater(String a, String b) {
      return a == null ? b : b == null || Utf8Order.STRINGS.compare(a, b) >= 0 ? a : b;
    }
  }

  /** Ranked lists by kind: most probes first, then by name; days are in date order instead. */
  private final Map<String, List<Ranked>> ranked;

  private ProbeRanks(Map<String, List<Ranked>> ranked) {
    this.ranked = ranked;
  }

  /**
   * One task's counts. A host's requests are all in one task, so the tasks' host counts add up to
   * the hosts of each name.
   */
  static final class Tally {
    private final Map<Name, Count> counts = new HashMap<>();
    private final Set<Name> host = new HashSet<>();

    /** Counts a probe ({@link Rows#REQUESTS}' row) of the current host. */
    void probe(Row request) {
      each(RULE, request.getString(Rows.RULE));
      each(CATEGORY, request.getString(Rows.CATEGORIES));
      count(PATH, request.getString(Rows.PATH));
      count(AGENT, request.getString(Rows.USER_AGENT));
      String time = request.getString(Rows.TIME);
      count(DAY, time == null ? null : time.substring(0, Math.min(10, time.length())));
    }

    /**
     * Ends the current host, given its row of the host table: each name it sent a probe for counts
     * it once, and its network and contact count it with its probes.
     */
    void endHost(Row row) {
      for (Name name : host) {
        add(name, 0, 1, null);
      }
      host.clear();
      long probes = row.getLong(HostTable.PROBES);
      named(NETWORK, row.getString(HostTable.NETWORK), probes, row.getString(HostTable.HOLDER));
      named(CONTACT, row.getString(HostTable.CONTACT), probes, row.getString(HostTable.COUNTRY));
    }

    /** The counts so far. */
    List<Count> counts() {
      return new ArrayList<>(counts.values());
    }

    /** A count for each name in {@code joined} (names joined by ';'; may be null). */
    private void each(String kind, String joined) {
      if (joined != null) {
        for (String name : Texts.split(joined, ';')) {
          count(kind, name);
        }
      }
    }

    private void count(String kind, String name) {
      if (name != null && !name.isEmpty()) {
        Name key = new Name(kind, name);
        add(key, 1, 0, null);
        host.add(key);
      }
    }

    private void named(String kind, String name, long probes, String detail) {
      if (name != null && !name.isEmpty()) {
        add(new Name(kind, name), probes, 1, detail);
      }
    }

    private void add(Name key, long probes, long hosts, String detail) {
      Count next = new Count(key.kind(), key.name(), probes, hosts, detail);
      counts.merge(key, next, Count::plus);
    }
  }

  private record Name(String kind, String name) implements Serializable, KnownSizeEstimation {
    /** The name and its strings ({@link Footprint}). */
    @Override
    public long estimatedSize() {
      return 24 /* a header and two pointers */ + Footprint.string(kind) + Footprint.string(name);
    }

    // Written out: a record's own equals and hashCode go through method handles, which cost the
    // counts' maps more than the strings' hashing while the JIT has not yet compiled them.
    @Override
    public boolean equals(Object o) {
      return o instanceof Name other && kind.equals(other.kind) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
      return 31 * kind.hashCode() + name.hashCode();
    }
  }

  /** Adds up the tasks' {@code counts} in {@code partitions} tasks and ranks them. */
  static ProbeRanks of(JavaRDD<Count> counts, int partitions) {
    List<Count> first =
        counts
            .mapToPair(c -> new Tuple2<>(new Name(c.kind(), c.name()), c))
            // Each task's counts are one a name already: nothing to add up before the shuffle.
            .partitionBy(new HashPartitioner(partitions))
            .mapPartitions(named -> firstOfEachKind(sum(named)))
            .collect();
    // Each kind's first from every task: the first of them all are among them.
    Map<String, List<Ranked>> ranked = new TreeMap<>();
    firstOfEachKind(first.iterator())
        .forEachRemaining(
            c ->
                ranked
                    .computeIfAbsent(c.kind(), k -> new ArrayList<>())
                    .add(new Ranked(c.name(), c.detail(), c.probes(), c.hosts())));
    return new ProbeRanks(ranked);
  }

  /** {@code named} added up by name. */
  private static Iterator<Count> sum(Iterator<Tuple2<Name, Count>> named) {
    Map<Name, Count> sums = new HashMap<>();
    named.forEachRemaining(t -> sums.merge(t._1(), t._2(), Count::plus));
    return sums.values().iterator();
  }

  /**
   * Days by date; networks and contacts most hosts first, then most probes; others most probes
   * first; then by name.
   */
  private static Comparator<Count> order(String kind) {
    Comparator<Count> byName = Comparator.comparing(Count::name, Utf8Order.STRINGS);
    return switch (kind) {
      case DAY -> byName;
      case NETWORK, CONTACT ->
          Comparator.comparingLong((Count c) -> -c.hosts())
              .thenComparingLong(c -> -c.probes())
              .thenComparing(byName);
      default -> Comparator.comparingLong((Count c) -> -c.probes()).thenComparing(byName);
    };
  }

  /** How many of a kind are kept. */
  private static int limit(String kind) {
    return switch (kind) {
      case RULE -> Integer.MAX_VALUE;
      case CATEGORY -> GlanceTables.TOP_RULES;
      case DAY -> GlanceTables.DAYS;
      default -> GlanceTables.TOP;
    };
  }

  /**
   * The first of each kind among {@code counts}, kind by kind, each kind in its order. A kind with
   * many names (networks, contacts: one a host or so) is not sorted whole: each name is held
   * against the last of the first so far, in a heap of at most the kind's limit.
   */
  private static Iterator<Count> firstOfEachKind(Iterator<Count> counts) {
    Map<String, PriorityQueue<Count>> byKind = new HashMap<>();
    counts.forEachRemaining(
        c -> {
          PriorityQueue<Count> first =
              byKind.computeIfAbsent(c.kind(), k -> new PriorityQueue<>(order(k).reversed()));
          first.add(c);
          if (first.size() > limit(c.kind())) {
            first.poll();
          }
        });
    List<Count> first = new ArrayList<>();
    byKind.forEach(
        (kind, heap) -> {
          List<Count> list = new ArrayList<>(heap);
          list.sort(order(kind));
          first.addAll(list);
        });
    return first.iterator();
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
