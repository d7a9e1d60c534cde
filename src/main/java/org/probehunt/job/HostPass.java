package org.probehunt.job;

import com.google.common.io.Closer;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.KnownSizeEstimation;
import org.probehunt.notify.AbuseIpdb;
import org.probehunt.notify.AbuseRow;
import org.probehunt.report.Columns;
import org.probehunt.report.CsvWriter;
import scala.Tuple2;

/**
 * The host pass: each task gets a range of the flagged hosts, each host's {@link Rows#FLAGGED} row
 * and then its requests in requests.csv's order ({@link SortKey}). In one reading it writes its
 * piece of requests.csv, hosts.csv and abuseipdb.csv, and gives back each host's row of the host
 * table, its counts by name ({@link ProbeRanks.Tally}) and its share of the totals. A host's
 * requests stream through: the task holds one host's few figures at a time, and the lines of its
 * hosts to draft, made into the contact pass's records ({@link EvidenceRecords}), for as long as
 * they are few enough (a bound on their characters); past that it keeps none, and the contact pass
 * reads the pass's input again. On a busy month that saves a second reading and sorting of every
 * flagged host's requests.
 */
final class HostPass implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * What a task gives back, kept in memory for the reports after the pass; each answers for its
   * size ({@link Footprint}).
   */
  sealed interface Out extends Serializable, KnownSizeEstimation
      permits HostOut, CountOut, EvidenceOut, PartOut {}

  /** A row of the host table ({@link HostTable#SCHEMA}). */
  record HostOut(Row row) implements Out {
    @Override
    public long estimatedSize() {
      return Footprint.OBJECT + Footprint.row(row);
    }
  }

  /** A name's probes and hosts in the task's share. */
  record CountOut(ProbeRanks.Count count) implements Out {
    @Override
    public long estimatedSize() {
      return Footprint.OBJECT + count.estimatedSize();
    }
  }

  /** A record of the contact pass ({@link EvidenceRecords}). */
  record EvidenceOut(SortKey key, Cells cells) implements Out {
    @Override
    public long estimatedSize() {
      return Footprint.OBJECT + key.estimatedSize() + cells.estimatedSize();
    }
  }

  /**
   * The task's totals, the rows it wrote into its pieces of requests.csv and hosts.csv, a sample of
   * the contacts its hosts may be drafted to, in order, for the contact pass's ranges, and whether
   * it kept the contact pass's records of its hosts.
   */
  record PartOut(
      int index,
      HostTotals.Part totals,
      long requestRows,
      long hostRows,
      List<String> contacts,
      boolean evidence)
      implements Out {
    @Override
    public long estimatedSize() {
      return 48 // a header, an int, two longs, two pointers and a flag: 41 bytes, aligned
          + totals.footprint()
          + 24 // the list
          + Footprint.array(4L * contacts.size())
          + contacts.stream().mapToLong(Footprint::string).sum();
    }
  }

  /** Contacts a task samples at most. */
  private static final int SAMPLE = 64;

  /** The reports the pass writes, one piece per task; absent when it writes none (notify). */
  record Pieces(ReportFiles.Pieces requests, ReportFiles.Pieces hosts, ReportFiles.Pieces abuse)
      implements Serializable {}

  private final Broadcast<HostTable.Sources> sources;
  private final boolean notifyResearch;
  private final Pieces pieces;
  private final long keptChars;

  /**
   * A pass that makes host rows with {@code sources}, lists in abuseipdb.csv the hosts that may be
   * drafted ({@code notifyResearch}: research scanners too) and writes {@code pieces} (null: none).
   * Each task keeps the contact pass's records of its hosts while their lines come to at most
   * {@code keptChars} characters; past that it keeps none, and the contact pass reads the pass's
   * input again.
   */
  HostPass(
      Broadcast<HostTable.Sources> sources, boolean notifyResearch, Pieces pieces, long keptChars) {
    this.sources = sources;
    this.notifyResearch = notifyResearch;
    this.pieces = pieces;
    this.keptChars = keptChars;
  }

  /**
   * The pass's input: the flagged hosts ({@link Rows#FLAGGED}) and their requests ({@link
   * Rows#REQUESTS}) in {@code partitions} ranges of the {@code hosts} (the flagged hosts' names),
   * each host's row first and then its requests in requests.csv's order.
   */
  static JavaPairRDD<SortKey, Cells> sorted(
      JavaRDD<Row> flagged, JavaRDD<Row> requests, Collection<String> hosts, int partitions) {
    List<String> ordered = new ArrayList<>(hosts);
    ordered.sort(Utf8Order.STRINGS);
    JavaPairRDD<SortKey, Cells> heads =
        flagged.mapToPair(
            r -> new Tuple2<>(SortKey.head(r.getString(0), r.getString(0)), Cells.of(r)));
    JavaPairRDD<SortKey, Cells> lines =
        requests.mapToPair(
            r -> new Tuple2<>(SortKey.request(r.getString(Rows.HOST), r), Cells.of(r)));
    return heads
        .union(lines)
        .repartitionAndSortWithinPartitions(GroupRanges.of(ordered, partitions), SortKey.ORDER);
  }

  /**
   * What the pass gave: its tasks' output, kept (host rows and counts are read again by the reports
   * after it), and their parts, by task.
   */
  record Result(JavaRDD<Out> out, List<PartOut> parts) {
    /** The host table, partition by partition as the pass's input. */
    JavaRDD<Row> hosts() {
      return out.filter(o -> o instanceof HostOut).map(o -> ((HostOut) o).row());
    }

    /** The tasks' counts of probes by name. */
    JavaRDD<ProbeRanks.Count> counts() {
      return out.filter(o -> o instanceof CountOut).map(o -> ((CountOut) o).count());
    }

    HostTotals totals() {
      return HostTotals.of(parts.stream().map(PartOut::totals).toList());
    }

    /**
     * The contact pass's records of the hosts to draft ({@link EvidenceRecords}): those the tasks
     * kept, when every task kept its own, or else made again from {@code sorted}, the pass's input,
     * read again; {@code research}: research scanners are drafted too.
     */
    JavaPairRDD<SortKey, Cells> evidence(JavaPairRDD<SortKey, Cells> sorted, boolean research) {
      if (parts.stream().allMatch(PartOut::evidence)) {
        return out.filter(o -> o instanceof EvidenceOut)
            .mapToPair(o -> new Tuple2<>(((EvidenceOut) o).key(), ((EvidenceOut) o).cells()));
      }
      return NoticeStage.evidence(sorted, hosts(), research);
    }

    /** The tasks' samples of the contacts to draft. */
    List<String> contacts() {
      return parts.stream().flatMap(p -> p.contacts().stream()).toList();
    }

    long[] requestRows() {
      return parts.stream().mapToLong(PartOut::requestRows).toArray();
    }

    long[] hostRows() {
      return parts.stream().mapToLong(PartOut::hostRows).toArray();
    }

    /** Lets the kept output go. */
    void release() {
      out.unpersist();
    }
  }

  /** Runs the pass over {@code sorted} ({@link #sorted}), in one job. */
  Result run(JavaPairRDD<SortKey, Cells> sorted) {
    JavaRDD<Out> out =
        sorted.mapPartitionsWithIndex(this::run, true).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<PartOut> parts =
          new ArrayList<>(out.filter(o -> o instanceof PartOut).map(o -> (PartOut) o).collect());
      parts.sort(Comparator.comparingInt(PartOut::index));
      return new Result(out, parts);
    } catch (RuntimeException | Error e) {
      out.unpersist();
      throw e;
    }
  }

  /** Task {@code index}'s work on its sorted records. */
  Iterator<Out> run(int index, Iterator<Tuple2<SortKey, Cells>> records) throws IOException {
    try (Task task = new Task(index)) {
      while (records.hasNext()) {
        Tuple2<SortKey, Cells> record = records.next();
        task.add(record._1(), record._2().row());
      }
      task.endHost();
      return task.finish().iterator();
    }
  }

  /** One task's state: the host it is at, and its writers. */
  private final class Task implements Closeable {
    private final int index;
    private final HostTable.Sources sources = HostPass.this.sources.value();
    private final List<Out> out = new ArrayList<>();
    private final HostTotals.Part totals = new HostTotals.Part();
    private final ProbeRanks.Tally ranks = new ProbeRanks.Tally();
    private final CsvWriter requests;
    private final CsvWriter hosts;
    private final DataOutputStream abuse;
    private final Object[] requestCells = new Object[Columns.REQUESTS.size()];
    private final Object[] hostCells = new Object[Columns.HOSTS.size()];
    private String host;
    private Row flagged;
    private HostTable.Seen seen;
    // abuseipdb.csv's sample paths: the first three of the host's distinct probe paths.
    private final TreeSet<String> paths = new TreeSet<>(Utf8Order.STRINGS);
    private final TreeSet<String> contacts = new TreeSet<>(Utf8Order.STRINGS);
    // The contact pass's records of the hosts so far, and the current host's keys and lines, while
    // their lines' characters (counted in keptLength) are within keptChars.
    private final List<Out> evidence = new ArrayList<>();
    private final EvidenceRecords records =
        new EvidenceRecords(r -> evidence.add(new EvidenceOut(r._1(), r._2())));
    private final List<SortKey> hostKeys = new ArrayList<>();
    private final List<String> hostLines = new ArrayList<>();
    private long keptLength;
    private long hostLength; // the characters of hostLines
    private boolean keeping = keptChars > 0;

    Task(int index) throws IOException {
      this.index = index;
      requests = pieces == null ? null : csv(pieces.requests().open(index), requestCells.length);
      hosts = pieces == null ? null : csv(pieces.hosts().open(index), hostCells.length);
      OutputStream abuseStream = pieces == null ? null : pieces.abuse().open(index);
      abuse =
          abuseStream == null
              ? null
              : new DataOutputStream(new BufferedOutputStream(abuseStream, 1 << 16));
    }

    private static CsvWriter csv(OutputStream stream, int columns) {
      return stream == null ? null : CsvWriter.continuation(stream, columns);
    }

    void add(SortKey key, Row row) throws IOException {
      if (!key.host().equals(host)) {
        endHost();
        host = key.host();
      }
      if (key.kind() == SortKey.HEAD) {
        flagged = row;
        seen = new HostTable.Seen();
        return;
      }
      if (flagged == null) {
        return; // not a flagged host: the join back keeps only theirs
      }
      seen.add(row, sources.actors());
      if (keeping) {
        keep(key, row.getString(Rows.LINE));
      }
      if (requests != null) {
        requests.row(Rows.copy(row, requestCells));
      }
      if (!row.isNullAt(Rows.PROBE) && row.getBoolean(Rows.PROBE)) {
        ranks.probe(row);
        String path = row.getString(Rows.PATH);
        if (path != null) {
          paths.add(path);
          if (paths.size() > 3) {
            paths.pollLast();
          }
        }
      }
    }

    /** Ends the current host: its row, counts and abuseipdb.csv line. */
    void endHost() throws IOException {
      // A flagged host whose lines vanished between the passes is left out, not guessed at.
      if (flagged != null && seen.requests() > 0) {
        Row row = HostTable.row(flagged, seen, sources);
        out.add(new HostOut(row));
        totals.add(row);
        ranks.endHost(row);
        if (hosts != null) {
          hosts.row(Rows.copy(row, hostCells));
        }
        boolean drafted = HostTable.drafted(row, notifyResearch);
        if (drafted && !row.isNullAt(HostTable.CONTACT)) {
          String contact = row.getString(HostTable.CONTACT);
          contacts.add(contact);
          if (keeping) {
            records.head(contact, host, row);
            for (int i = 0; i < hostKeys.size(); i++) {
              records.line(hostKeys.get(i), contact, hostLines.get(i));
            }
            records.end();
            hostLength = 0; // kept
          }
        }
        if (abuse != null && seen.probed() && drafted && !specialUse(row)) {
          Optional<AbuseRow> listing = AbuseIpdb.row(HostTable.finding(row), List.copyOf(paths));
          if (listing.isPresent()) {
            byte[] bytes = AbuseIpdb.line(listing.get());
            abuse.writeInt(bytes.length);
            abuse.write(bytes);
          }
        }
      }
      host = null;
      flagged = null;
      seen = null;
      paths.clear();
      hostKeys.clear();
      hostLines.clear();
      keptLength -= hostLength; // the lines of a host not drafted are not kept
      hostLength = 0;
    }

    /**
     * Keeps a line of the current host for the contact pass, or, past the task's bound, lets go of
     * every record kept and keeps no more.
     */
    private void keep(SortKey key, String line) {
      int length = line == null ? 0 : line.length();
      keptLength += length;
      hostLength += length;
      if (keptLength > keptChars) {
        keeping = false;
        evidence.clear();
        hostKeys.clear();
        hostLines.clear();
        return;
      }
      hostKeys.add(key);
      hostLines.add(line);
    }

    /**
     * Whether the host's address is special-use (abuseipdb.csv lists only the hosts that may be
     * drafted and are not).
     */
    private static boolean specialUse(Row host) {
      String source = host.getString(HostTable.CONTACT_SOURCE);
      return source == null || source.equals("special-use");
    }

    List<Out> finish() throws IOException {
      for (ProbeRanks.Count c : ranks.counts()) {
        out.add(new CountOut(c));
      }
      long requestRows = requests == null ? 0 : requests.rows();
      long hostRows = hosts == null ? 0 : hosts.rows();
      List<String> sample = GroupRanges.evenly(new ArrayList<>(contacts), SAMPLE);
      out.add(new PartOut(index, totals, requestRows, hostRows, sample, keeping));
      if (keeping) {
        out.addAll(evidence);
      }
      return out;
    }

    @Override
    public void close() throws IOException {
      Closer closer = Closer.create();
      closer.register(requests);
      closer.register(hosts);
      closer.register(abuse);
      closer.close(); // each closed, even if another fails
    }
  }
}
