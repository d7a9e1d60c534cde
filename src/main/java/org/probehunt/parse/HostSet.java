package org.probehunt.parse;

import java.io.Serializable;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The flagged hosts the join back looks for, in {@link ClientHosts}' canonical form, looked up by a
 * client's text where it stands in a line. The join back asks this of every line of every file, and
 * nearly always for a client that is not here: a logged client already in canonical form (plain
 * IPv4, a lower-case name) is hashed and compared in place, with no substring made; only the rare
 * other forms are made canonical first.
 */
public final class HostSet implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Open addressing at most half full: a miss, the usual answer, ends at an empty slot soon. */
  private final String[] slots;

  private final int[] hashes;
  private final int shift;
  private final int size;

  private HostSet(Collection<String> hosts) {
    // Sorted, so that equal sets fill equal tables whatever order the hosts came in.
    TreeSet<String> distinct = new TreeSet<>();
    for (String host : hosts) {
      if (host != null) {
        distinct.add(ClientHosts.canonical(host));
      }
    }
    int capacity = Integer.highestOneBit(Math.max(2, distinct.size()) * 4 - 1);
    this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
    this.slots = new String[capacity];
    this.hashes = new int[capacity];
    this.size = distinct.size();
    for (String host : distinct) {
      int h = host.hashCode();
      int i = slot(h);
      while (slots[i] != null) {
        i = (i + 1) & (capacity - 1);
      }
      slots[i] = host;
      hashes[i] = h;
    }
  }

  /** The set of {@code hosts}, each taken in its canonical form. */
  public static HostSet of(Collection<String> hosts) {
    return new HostSet(hosts);
  }

  /** How many distinct hosts. */
  public int size() {
    return size;
  }

  /** Whether {@code host}, already in canonical form (as a parsed request's is), is one. */
  public boolean contains(String host) {
    return host != null && find(host, 0, host.length(), host.hashCode());
  }

  /** Whether the client logged as {@code line[from, to)} is one, in whatever form it was logged. */
  boolean containsClient(String line, int from, int to) {
    long hash = ClientHosts.hashIfCanonical(line, from, to);
    return hash >= 0
        ? find(line, from, to, (int) hash)
        : contains(ClientHosts.canonical(line, from, to));
  }

  /**
   * True only when the line {@code bytes[from, to)}, read as a plain format reads it (the client
   * first, then {@code -} for identd), is surely from no host here: its client is in the canonical
   * form that {@link #containsClient} hashes in place, and it is not here. For any other line (a
   * client that must be made canonical first, bytes that decoding would change, another layout):
   * false, and the line is parsed as before.
   */
  public boolean lacksClientOf(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && bytes[i] != ' ') {
      i++;
    }
    long hash = ClientHosts.hashIfCanonical(bytes, from, i);
    // A vhost line's first field is its site, and a client follows where identd's "-" would be.
    if (hash < 0 || i == from || i + 2 >= to || bytes[i + 1] != '-' || bytes[i + 2] != ' ') {
      return false;
    }
    int length = i - from;
    for (int k = slot((int) hash); slots[k] != null; k = (k + 1) & (slots.length - 1)) {
      if (hashes[k] == (int) hash
          && slots[k].length() == length
          && sameChars(slots[k], bytes, from)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameChars(String text, byte[] bytes, int from) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  private boolean find(String text, int from, int to, int hash) {
    int length = to - from;
    for (int i = slot(hash); slots[i] != null; i = (i + 1) & (slots.length - 1)) {
      if (hashes[i] == hash
          && slots[i].length() == length
          && text.regionMatches(from, slots[i], 0, length)) {
        return true;
      }
    }
    return false;
  }

  /** The top bits of the hash times the golden ratio: nearby hashes land far apart. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }
}
