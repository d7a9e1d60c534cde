package org.probehunt.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
   * Packs files first-fit decreasing: largest first, each into the first batch with room. A file of
   * targetBytes or more gets a batch of its own. Ties are broken by path, so the packing is the
   * same on every run; batches come out largest first, which also suits the scheduler.
   */
  public static List<List<Candidate>> pack(List<Candidate> files, long targetBytes) {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("targetBytes must be positive, got " + targetBytes);
    }
    List<Candidate> sorted = new ArrayList<>(files);
    sorted.sort(
        Comparator.comparingLong(Candidate::size).reversed().thenComparing(Candidate::path));
    List<List<Candidate>> batches = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (Candidate file : sorted) {
      int slot = -1;
      if (file.size() < targetBytes) {
        for (int i = 0; i < batches.size() && slot < 0; i++) {
          if (sizes.get(i) + file.size() <= targetBytes) {
            slot = i;
          }
        }
      }
      if (slot < 0) {
        batches.add(new ArrayList<>());
        sizes.add(0L);
        slot = batches.size() - 1;
      }
      batches.get(slot).add(file);
      sizes.set(slot, sizes.get(slot) + file.size());
    }
    return batches.stream().map(List::copyOf).toList();
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
