package org.probehunt.contact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.probehunt.contact.WhoisRecord.Network;
import org.probehunt.parse.AddressRange;

/**
 * Networks sorted by range (a block before its parts), each with the index of the smallest earlier
 * network containing it, so that the networks holding an address are one binary search and a walk
 * up the parents away. Assumes ranges nest or are disjoint, as in a registry's data; a range partly
 * overlapping another may hide it from addresses past the overlap.
 */
final class NetworkTree implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Network[] sorted;
  private final int[] parent;

  NetworkTree(List<Network> networks) {
    sorted = networks.stream().sorted(Comparator.comparing(Network::range)).toArray(Network[]::new);
    parent = new int[sorted.length];
    int[] open = new int[sorted.length];
    int depth = 0;
    for (int i = 0; i < sorted.length; i++) {
      while (depth > 0 && !sorted[open[depth - 1]].range().contains(sorted[i].range())) {
        depth--;
      }
      parent[i] = depth == 0 ? -1 : open[depth - 1];
      open[depth++] = i;
    }
  }

  int size() {
    return sorted.length;
  }

  /** The networks holding {@code address}, most specific first. */
  List<Network> holding(AddressRange address) {
    int from = 0;
    int to = sorted.length;
    while (from < to) {
      int middle = (from + to) >>> 1;
      if (sorted[middle].range().compareTo(address) <= 0) {
        from = middle + 1;
      } else {
        to = middle;
      }
    }
    // If any network holds the address, the last one starting at or before it is the most
    // specific holder or lies inside it; the holders are then that one and its ancestors.
    int i = from - 1;
    while (i >= 0 && !sorted[i].range().contains(address)) {
      i = parent[i];
    }
    List<Network> holders = new ArrayList<>();
    for (; i >= 0; i = parent[i]) {
      holders.add(sorted[i]);
    }
    return holders;
  }
}
