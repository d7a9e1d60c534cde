package org.probehunt.pass;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hosts by a 64-bit hash of their canonical text, sorted by it, to be met with an entry's sorted
 * client hashes (see {@link EntryClients}). {@link String#hashCode} will not do there: dotted quads
 * collide in it often enough that a month of 20,000 flagged hosts and 160,000 clients a file found
 * a false match in half of its files, and each costs a file read again.
 */
public final class ClientHashes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] hashes;
  private final String[] hosts;

  private ClientHashes(long[] hashes, String[] hosts) {
    this.hashes = hashes;
    this.hosts = hosts;
  }

  /** The hashes of {@code hosts}, each given in canonical form (as a parsed request's is). */
  public static ClientHashes of(Collection<String> hosts) {
    List<String> byHash =
        new TreeSet<>(hosts).stream().sorted(Comparator.comparingLong(ClientHashes::hash)).toList();
    long[] hashes = new long[byHash.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(byHash.get(i));
    }
    return new ClientHashes(hashes, byHash.toArray(String[]::new));
  }

  /**
   * The 64-bit hash of {@code host}: FNV-1a over its characters, then MurmurHash3's finalizer so
   * that every bit depends on every character.
   */
  public static long hash(String host) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < host.length(); i++) {
      h = (h ^ host.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** How many hosts. */
  public int size() {
    return hashes.length;
  }

  /** Hands to {@code action} each host whose hash is in {@code sorted}, a sorted array. */
  void forEachIn(long[] sorted, Consumer<String> action) {
    anyIn(
        sorted,
        host -> {
          action.accept(host);
          return false;
        });
  }

  /**
   * Whether {@code test} holds for a host whose hash is in {@code sorted}, a sorted array: asks
   * each such host in turn and stops at the first that passes.
   */
  boolean anyIn(long[] sorted, Predicate<String> test) {
    if (sorted.length > 8L * hashes.length) {
      // Few hosts against a large entry: look each up.
      for (int i = 0; i < hashes.length; i++) {
        if (Arrays.binarySearch(sorted, hashes[i]) >= 0 && test.test(hosts[i])) {
          return true;
        }
      }
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < hashes.length && j < sorted.length) {
      if (hashes[i] < sorted[j]) {
        i++;
      } else if (hashes[i] > sorted[j]) {
        j++;
      } else if (test.test(hosts[i++])) { // the next host may share the hash: keep j
        return true;
      }
    }
    return false;
  }
}
