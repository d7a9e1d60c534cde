package org.probehunt.job;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.probehunt.report.Ledger;

/**
 * The host table's totals: what the console, summary.json and report.html's period need. Each task
 * of the host pass counts its own hosts; the driver adds up one {@link Part} per task.
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

  /** The totals of {@code parts}, one per task. */
  static HostTotals of(List<Part> parts) {
    Part all = new Part();
    parts.forEach(all::add);
    return new HostTotals(
        all.hosts,
        all.probes,
        all.requests,
        all.research,
        all.again,
        all.known,
        all.firstSeen,
        all.lastSeen);
  }

  /**
   * The totals of some host rows, added one at a time: one task's share of the run's, a campaign's,
   * a contact's.
   */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    private long hosts;
    private long probes;
    private long requests;
    private long research;
    private long again;
    private long known;
    private long firstEpoch;
    private String firstSeen;
    private long lastEpoch;
    private String lastSeen;

    /** What the part takes in memory: eight longs and two times ({@link Footprint}). */
    long footprint() {
      return 88 + Footprint.string(firstSeen) + Footprint.string(lastSeen);
    }

    /** Counts a row of the host table. */
    void add(Row host) {
      count(
          host.getLong(HostTable.PROBES),
          host.getLong(HostTable.REQUESTS),
          host.getLong(HostTable.FIRST_EPOCH),
          host.getString(HostTable.FIRST_SEEN),
          host.getLong(HostTable.LAST_EPOCH),
          host.getString(HostTable.LAST_SEEN));
      hosts++;
      // A research scanner: hosts.csv names its actor.
      String actor = host.getString(HostTable.ACTOR);
      research += actor != null && !actor.isEmpty() ? 1 : 0;
      String status = host.getString(HostTable.STATUS);
      again += Ledger.AGAIN.equals(status) ? 1 : 0;
      known += Ledger.KNOWN.equals(status) ? 1 : 0;
    }

    /** Adds the rows that {@code other} counted. */
    void add(Part other) {
      if (other.hosts > 0) {
        count(
            other.probes,
            other.requests,
            other.firstEpoch,
            other.firstSeen,
            other.lastEpoch,
            other.lastSeen);
        hosts += other.hosts;
        research += other.research;
        again += other.again;
        known += other.known;
      }
    }

    long hosts() {
      return hosts;
    }

    long probes() {
      return probes;
    }

    long requests() {
      return requests;
    }

    /** The earliest first_seen (by time), null when no host was counted. */
    String firstSeen() {
      return firstSeen;
    }

    /** The latest last_seen (by time), null when no host was counted. */
    String lastSeen() {
      return lastSeen;
    }

    private void count(
        long probes,
        long requests,
        long firstEpoch,
        String firstSeen,
        long lastEpoch,
        String lastSeen) {
      if (hosts == 0
          || HostTable.byTime(firstEpoch, firstSeen, this.firstEpoch, this.firstSeen) < 0) {
        this.firstEpoch = firstEpoch;
        this.firstSeen = firstSeen;
      }
      if (hosts == 0 || HostTable.byTime(lastEpoch, lastSeen, this.lastEpoch, this.lastSeen) > 0) {
        this.lastEpoch = lastEpoch;
        this.lastSeen = lastSeen;
      }
      this.probes += probes;
      this.requests += requests;
    }
  }
}
