package org.probehunt.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Spreads files over tasks by size, so one big file and many small ones make even work. */
public final class Batches {

  /** Below this a task costs more to schedule than to run. */
  static final long MIN_TARGET_BYTES = 1L << 20;

  /** Above this a single task holds up the end of the job (sizes are mostly compressed). */
  static final long MAX_TARGET_BYTES = 256L << 20;

  /** Several batches per core, so a slow batch does not leave the other cores idle. */
  static final int BATCHES_PER_CORE = 4;

  private Batches() {}

  /**
   * Packs files into about {@code totalBytes / targetBytes} batches of even size: largest file
   * first, each into the batch that holds the fewest bytes so far (the lowest such batch on a tie).
   * A file of targetBytes or more thus gets a batch of its own, and a month of files of one size
   * makes batches of equal count: first-fit at a target of two files' size would give a batch of
   * one whenever two files are a byte too big together, and a task that runs alone at the end of
   * every pass. Ties are broken by path, so the packing is the same on every run; batches come out
   * largest first, which also suits the scheduler.
   */
  public static List<List<Candidate>> pack(List<Candidate> files, long targetBytes) {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("targetBytes must be positive, got " + targetBytes);
    }
    List<Candidate> sorted = new ArrayList<>(files);
    sorted.sort(
        Comparator.comparingLong(Candidate::size).reversed().thenComparing(Candidate::path));
    long total = sorted.stream().mapToLong(c -> Math.max(c.size(), 0)).sum();
    int count = (int) Math.min(sorted.size(), Math.max(1, (total + targetBytes - 1) / targetBytes));
    List<List<Candidate>> batches = new ArrayList<>();
    long[] sizes = new long[count];
    // The batch with the fewest bytes, the lowest index among equals: a heap, for archives of
    // hundreds of thousands of files in thousands of batches.
    PriorityQueue<Integer> smallest =
        new PriorityQueue<>(
            Math.max(1, count),
            Comparator.comparingLong((Integer i) -> sizes[i]).thenComparingInt(i -> i));
    for (int i = 0; i < count; i++) {
      batches.add(new ArrayList<>());
      smallest.add(i);
    }
    for (Candidate file : sorted) {
      int slot = smallest.remove();
      batches.get(slot).add(file);
      sizes[slot] += Math.max(file.size(), 0);
      smallest.add(slot);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
    return order.stream().map(i -> List.copyOf(batches.get(i))).toList();
  }

  /**
   * A batch size giving about {@value #BATCHES_PER_CORE} batches per core, kept between 1 MiB and
   * 256 MiB.
   */
  public static long targetBytes(long totalBytes, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
    }
    long batches = (long) parallelism * BATCHES_PER_CORE;
    long perBatch = (Math.max(totalBytes, 0) + batches - 1) / batches;
    return Math.max(MIN_TARGET_BYTES, Math.min(MAX_TARGET_BYTES, perBatch));
  }
}
