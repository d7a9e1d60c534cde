package org.probehunt.job;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * the files and archive members that may hold others are read again, and only for the hosts they
 * may hold; the first pass's requests of those hosts there are set aside, so no line is counted
 * twice. A month whose scanners probe wherever they appear reads nothing twice.
 */
final class JoinBack {
  /** One file or archive member to read again, for the flagged hosts it may hold more of. */
  private record Again(String path, String source, List<String> hosts) implements Serializable {}

  /** The hosts to read each file or archive member again for, by its source; sorted. */
  private final Map<String, List<String>> hostsBySource;

  private final List<List<String>> batches;
  private final int files;

  private JoinBack(Map<String, List<String>> hostsBySource, List<List<String>> batches, int files) {
    this.hostsBySource = hostsBySource;
    this.batches = batches;
    this.files = files;
  }

  /**
   * Decides, from the first pass's accounts of the entries' clients in {@code events}, which of the
   * {@code reading} files must be read again for which of the {@code flagged} hosts. Runs one job
   * over the cached events; the driver gets only the entries to read again and their hosts.
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
              .filter(e -> e instanceof EntryClients)
              .map(e -> again((EntryClients) e, hosts.value()))
              .filter(a -> !a.hosts().isEmpty())
              .collect();
    }
    Map<String, List<String>> hostsBySource = new HashMap<>();
    Set<String> paths = new HashSet<>();
    for (Again a : again) {
      hostsBySource.put(a.source(), a.hosts());
      paths.add(a.path());
    }
    List<Candidate> files =
        reading.stream()
            .filter(c -> paths.contains(c.path()))
            .sorted(Comparator.comparing(Candidate::path))
            .toList();
    return new JoinBack(
        hostsBySource, files.isEmpty() ? List.of() : ProbeJob.batches(files, cores), files.size());
  }

  /** How many files the join back reads again. */
  int files() {
    return files;
  }

  /**
   * Every request of the {@code flagged} hosts, as {@link Rows#REQUESTS}' rows: the first pass's,
   * but for those read again, and those read again.
   */
  JavaRDD<Row> requests(
      Passes passes,
      JavaRDD<PassEvent> events,
      Collection<String> flagged,
      Passes.Counters counters) {
    Map<String, HostSet> sets = new HashMap<>();
    hostsBySource.forEach((source, hosts) -> sets.put(source, HostSet.of(hosts)));
    Broadcast<Map<String, HostSet>> again = passes.share(sets);
    Broadcast<HostSet> hosts = passes.share(HostSet.of(flagged));
    JavaRDD<PassEvent> kept =
        events.filter(e -> e instanceof LoggedRequest r && !readAgain(again.value(), r));
    JavaRDD<PassEvent> reread = passes.requestsOf(batches, again, counters);
    return kept.union(reread)
        .filter(e -> hosts.value().contains(((LoggedRequest) e).request().host()))
        .map(e -> Rows.request((LoggedRequest) e));
  }

  private static Again again(EntryClients entry, ClientHashes flagged) {
    return new Again(entry.path(), entry.source(), entry.toReadAgainFor(flagged));
  }

  /** Whether the join back reads {@code request}'s host again in its file or archive member. */
  private static boolean readAgain(Map<String, HostSet> hostsBySource, LoggedRequest request) {
    HostSet hosts = hostsBySource.get(request.source());
    return hosts != null && hosts.contains(request.request().host());
  }

  /** For the tests: the sources read again, each with its hosts. */
  Map<String, List<String>> hostsBySource() {
    return hostsBySource;
  }
}
