package org.probehunt.job;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.probehunt.input.Candidate;
import org.probehunt.parse.HostSet;
import org.probehunt.pass.ClientHashes;
import org.probehunt.pass.EntryClients;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassEvent;

/**
 * The join back: every request of the flagged hosts. The first pass has already yielded nearly all
 * of them, each probing host's requests in the files it probed in (see {@code ProbingHosts}). Only
 * the files and archive members that may hold others are read again, for every flagged host; the
 * first pass's requests from those members are set aside, so no line is counted twice. A month
 * whose scanners probe wherever they appear reads nothing twice.
 *
 * <p>What the driver holds grows with the members read again, not with the hosts: a member is read
 * for all flagged hosts, which costs the same reading as for a few (every line's client is looked
 * up either way, and only the lines of the hosts are parsed), rather than for its own list of
 * hosts, which made the driver hold hosts times members.
 */
final class JoinBack {
  /** One file or archive member to read again. */
  private record Again(String path, String source) implements Serializable {}

  /** The files and archive members to read again, by source. */
  private final Set<String> sources;

  private final List<List<String>> batches;
  private final int files;

  private JoinBack(Set<String> sources, List<List<String>> batches, int files) {
    this.sources = sources;
    this.batches = batches;
    this.files = files;
  }

  /**
   * Decides, from the first pass's accounts of the entries' clients in {@code events}, which of the
   * {@code reading} files must be read again: those with a member that may hold requests of the
   * {@code flagged} hosts the first pass did not yield. Runs one job over the cached events; the
   * driver gets only the members to read again.
   */
  static JoinBack plan(
      Passes passes,
      JavaRDD<PassEvent> events,
      Collection<String> flagged,
      List<Candidate> reading,
      int cores) {
    List<Again> again = List.of();
    if (!flagged.isEmpty()) {
      Broadcast<ClientHashes> hosts = passes.share(ClientHashes.of(flagged));
      again =
          events
              .filter(e -> e instanceof EntryClients c && c.mayHoldMoreOfAny(hosts.value()))
              .map(e -> new Again(((EntryClients) e).path(), ((EntryClients) e).source()))
              .collect();
    }
    Set<String> sources = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Again a : again) {
      sources.add(a.source());
      paths.add(a.path());
    }
    List<Candidate> files =
        reading.stream()
            .filter(c -> paths.contains(c.path()))
            .sorted(Comparator.comparing(Candidate::path))
            .toList();
    return new JoinBack(
        sources, files.isEmpty() ? List.of() : ProbeJob.batches(files, cores), files.size());
  }

  /** How many files the join back reads again. */
  int files() {
    return files;
  }

  /**
   * Every request of the {@code flagged} hosts, as {@link Rows#REQUESTS}' rows: the first pass's,
   * but for the members read again, and those read again.
   */
  JavaRDD<Row> requests(
      Passes passes,
      JavaRDD<PassEvent> events,
      Collection<String> flagged,
      Passes.Counters counters) {
    Broadcast<Set<String>> again = passes.share(sources);
    Broadcast<HostSet> hosts = passes.share(HostSet.of(flagged));
    JavaRDD<PassEvent> kept =
        events.filter(e -> e instanceof LoggedRequest r && !again.value().contains(r.source()));
    JavaRDD<PassEvent> reread = passes.requestsOf(batches, again, hosts, counters);
    return kept.union(reread)
        .filter(e -> hosts.value().contains(((LoggedRequest) e).request().host()))
        .map(e -> Rows.request((LoggedRequest) e));
  }

  /** For the tests: the files and archive members read again. */
  Set<String> sources() {
    return sources;
  }
}
