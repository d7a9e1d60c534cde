package org.probehunt.pass;

import java.util.Arrays;

/**
 * A set of 64-bit hashes that is mostly added to, nearly once per line of a file, and looked up
 * rarely (once per probing host). The latest few thousand sit in a small open-addressing table,
 * which also drops a client's repeated visits; when it is full they are sorted into a run. Runs are
 * merged as a binary counter merges its digits, so a file of n lines leaves about log n runs, each
 * searched by bisection, and merging costs about log n passes over each hash, not one pass over the
 * whole set per run.
 */
final class HashLog {
  private static final int LATEST = 1 << 14;

  /** Hashes by their top bits, before each bucket is sorted on its own. */
  private static final int BUCKET_BITS = 12;

  /**
   * Buckets up to this size are sorted by insertion; larger ones, which only crafted input makes.
   */
  private static final int SMALL_BUCKET = 32;

  private long[][] runs = new long[8][];
  private int runCount;

  private final long[] latest = new long[LATEST];
  private int count;

  /** The latest by open addressing, at most half full; 0 marks a free slot. */
  private final long[] table = new long[2 * LATEST];

  private boolean zero;
  private final int[] bucketEnds = new int[(1 << BUCKET_BITS) + 1];

  void add(long hash) {
    if (hash == 0) {
      if (zero) {
        return;
      }
      zero = true;
    } else {
      int i = slot(hash);
      while (table[i] != 0) {
        if (table[i] == hash) {
          return; // among the latest already, as a client's next page often is
        }
        i = (i + 1) & (table.length - 1);
      }
      table[i] = hash;
    }
    latest[count++] = hash;
    if (count == LATEST) {
      flush();
    }
  }

  boolean contains(long hash) {
    if (hash == 0) {
      if (zero) {
        return true;
      }
    } else {
      for (int i = slot(hash); table[i] != 0; i = (i + 1) & (table.length - 1)) {
        if (table[i] == hash) {
          return true;
        }
      }
    }
    for (int r = 0; r < runCount; r++) {
      if (Arrays.binarySearch(runs[r], hash) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Every hash, sorted, each once. */
  long[] sorted() {
    flush();
    while (runCount > 1) {
      mergeLastTwo();
    }
    return runCount == 0 ? new long[0] : runs[0].clone();
  }

  private static int slot(long hash) {
    return (int) (hash >>> (64 - Integer.numberOfTrailingZeros(2 * LATEST)));
  }

  /** Sorts the latest into a run, then merges runs while the last is not much shorter. */
  private void flush() {
    if (count == 0) {
      return;
    }
    long[] run = new long[count];
    sortInto(run);
    if (runCount == runs.length) {
      runs = Arrays.copyOf(runs, 2 * runCount);
    }
    runs[runCount++] = run;
    count = 0;
    Arrays.fill(table, 0);
    zero = false;
    while (runCount > 1 && 2 * runs[runCount - 1].length >= runs[runCount - 2].length) {
      mergeLastTwo();
    }
  }

  /**
   * The latest, sorted into {@code run}: hashes are spread evenly, so a counting sort by their top
   * bits leaves buckets of a few each, which insertion sorts cheaply. A comparison sort of the
   * whole took most of the log's time.
   */
  private void sortInto(long[] run) {
    int[] ends = bucketEnds;
    Arrays.fill(ends, 0);
    for (int i = 0; i < count; i++) {
      ends[bucket(latest[i]) + 1]++;
    }
    for (int b = 1; b < ends.length; b++) {
      ends[b] += ends[b - 1];
    }
    for (int i = 0; i < count; i++) {
      long hash = latest[i];
      run[ends[bucket(hash)]++] = hash;
    }
    // Each bucket now ends where the next begins.
    int start = 0;
    for (int b = 0; b < ends.length - 1; b++) {
      int end = ends[b];
      if (end - start > SMALL_BUCKET) {
        Arrays.sort(run, start, end);
      } else {
        for (int i = start + 1; i < end; i++) {
          long hash = run[i];
          int j = i - 1;
          while (j >= start && run[j] > hash) {
            run[j + 1] = run[j];
            j--;
          }
          run[j + 1] = hash;
        }
      }
      start = end;
    }
  }

  /** A hash's bucket, in signed order, so that the buckets' order is the hashes' order. */
  private static int bucket(long hash) {
    return (int) (hash >> (64 - BUCKET_BITS)) + (1 << (BUCKET_BITS - 1));
  }

  /** Merges the last two runs into one, each hash once. */
  private void mergeLastTwo() {
    long[] a = runs[runCount - 2];
    long[] b = runs[runCount - 1];
    long[] merged = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      merged[n++] = Math.min(x, y);
      // Both advance on a hash in both runs: it is kept once. No branch on the comparison.
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    while (i < a.length) {
      merged[n++] = a[i++];
    }
    while (j < b.length) {
      merged[n++] = b[j++];
    }
    runs[--runCount] = null;
    runs[runCount - 1] = n == merged.length ? merged : Arrays.copyOf(merged, n);
  }
}
