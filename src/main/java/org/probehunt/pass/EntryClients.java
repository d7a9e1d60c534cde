package org.probehunt.pass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the first pass knows of one file's or archive member's clients once it has read it all, so
 * that the join back reads it again only for a flagged host whose requests in it the first pass did
 * not already yield. Answers by hash, so it may say "read again" when there is no need, but never
 * the other way round.
 */
public final class EntryClients implements PassEvent {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String source;
  private final long[] clients;
  private final Set<String> whole;

  /**
   * @param path the file the entry is in: what the join back opens to read it again
   * @param source the entry, as its requests name it
   * @param clients {@link ClientHashes#hash} (of the canonical form) of every client in the entry's
   *     time window but the probing hosts whose first request there was a probe: sorted, each once
   * @param whole hosts that probed in the entry and all of whose requests there the pass yielded
   */
  public EntryClients(String path, String source, long[] clients, Set<String> whole) {
    this.path = path;
    this.source = source;
    this.clients = clients;
    this.whole = Set.copyOf(whole);
  }

  public String path() {
    return path;
  }

  public String source() {
    return source;
  }

  /** How many distinct client hashes the account holds. */
  public int clientCount() {
    return clients.length;
  }

  /** The hosts that probed in the entry and all of whose requests there the pass yielded. */
  public Set<String> wholeHosts() {
    return whole;
  }

  /** Whether the entry may hold requests of {@code host} that the first pass did not yield. */
  public boolean mayHoldMoreOf(String host) {
    return !whole.contains(host) && Arrays.binarySearch(clients, ClientHashes.hash(host)) >= 0;
  }

  /**
   * Whether the entry may hold requests of one of {@code flagged} that the first pass did not
   * yield: whether the join back reads it again.
   */
  public boolean mayHoldMoreOfAny(ClientHashes flagged) {
    return flagged.anyIn(clients, host -> !whole.contains(host));
  }

  /**
   * The hosts of {@code flagged} whose requests in the entry the first pass may not all have
   * yielded, sorted.
   */
  public List<String> toReadAgainFor(ClientHashes flagged) {
    List<String> hosts = new ArrayList<>();
    flagged.forEachIn(
        clients,
        host -> {
          if (!whole.contains(host)) {
            hosts.add(host);
          }
        });
    Collections.sort(hosts);
    return hosts;
  }

  @Override
  public String toString() {
    return source + ": " + clients.length + " clients, whole " + whole;
  }
}
