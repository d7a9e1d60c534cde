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
    int n = Math.max(1, Math.min(partitions, groups.size()));
    List<String> bounds = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      bounds.add(groups.get((int) ((long) i * groups.size() / n)));
    }
    return new GroupRanges(bounds.toArray(String[]::new));
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
