package org.probehunt.contact;

import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;
import org.probehunt.parse.AddressRange;

/**
 * The flagged hosts that are IP literals, sorted, so that a whois dump's millions of networks can
 * each be checked with one binary search: does this network hold any of them?
 */
public final class FlaggedAddresses implements Serializable {
  private static final long serialVersionUID = 1L;

  // Two parallel arrays rather than objects: this travels to every task that reads a dump.
  private final long[] high;
  private final long[] low;

  private FlaggedAddresses(AddressRange[] sorted) {
    high = new long[sorted.length];
    low = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      high[i] = sorted[i].firstHi();
      low[i] = sorted[i].firstLo();
    }
  }

  /** Keeps the IP literals among {@code hosts} (names and junk are skipped), once each. */
  public static FlaggedAddresses of(Collection<String> hosts) {
    AddressRange[] sorted =
        hosts.stream()
            .map(AddressRange::ofAddress)
            .flatMap(Optional::stream)
            .sorted()
            .distinct()
            .toArray(AddressRange[]::new);
    return new FlaggedAddresses(sorted);
  }

  /** Whether any flagged address lies inside {@code range}. */
  public boolean anyWithin(AddressRange range) {
    // The first address not before the range's start is the only one worth a look.
    int from = 0;
    int to = high.length;
    while (from < to) {
      int middle = (from + to) >>> 1;
      if (compare(high[middle], low[middle], range.firstHi(), range.firstLo()) < 0) {
        from = middle + 1;
      } else {
        to = middle;
      }
    }
    return from < high.length
        && compare(high[from], low[from], range.lastHi(), range.lastLo()) <= 0;
  }

  /** The number of distinct addresses kept. */
  public int size() {
    return high.length;
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int byHigh = Long.compareUnsigned(aHi, bHi);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(aLo, bLo);
  }
}
