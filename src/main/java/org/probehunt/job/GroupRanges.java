package org.probehunt.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Places {@link SortKey}s in partitions by ranges of their group, so that partition {@code i} holds
 * groups before those of partition {@code i + 1}: sorted within each partition, the partitions in
 * order are the whole table in order, with no sampling job and no merge.
 */
final class GroupRanges extends Partitioner {
  private static final long serialVersionUID = 1L;

  /** The first group of each partition but the first, ascending. */
  private final String[] bounds;

  private GroupRanges(String[] bounds) {
    this.bounds = bounds;
  }

  /**
   * At most {@code partitions} ranges of about equal counts of {@code groups}, which must be sorted
   * by {@link Utf8Order} and distinct.
   */
  static GroupRanges of(List<String> groups, int partitions) {
    List<String> starts = evenly(groups, Math.max(1, partitions));
    // The first group of the first partition is no bound.
    return new GroupRanges(starts.stream().skip(1).toArray(String[]::new));
  }

  /**
   * At most {@code n} of {@code sorted}, evenly spaced, the first among them: the first groups of
   * {@code n} ranges of about equal counts.
   */
  static List<String> evenly(List<String> sorted, int n) {
    int count = Math.min(n, sorted.size());
    List<String> picked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      picked.add(sorted.get((int) ((long) i * sorted.size() / count)));
    }
    return picked;
  }

  @Override
  public int numPartitions() {
    return bounds.length + 1;
  }

  @Override
  public int getPartition(Object key) {
    int at = Arrays.binarySearch(bounds, ((SortKey) key).group(), Utf8Order.STRINGS);
    return at >= 0 ? at + 1 : -at - 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupRanges r && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }
}
