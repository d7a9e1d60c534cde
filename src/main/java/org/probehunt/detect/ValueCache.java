package org.probehunt.detect;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What was found in logged values (targets, user agents, referers), remembered for the values that
 * repeat, shared by the threads of one JVM. Logs are written by attackers, so what it holds is
 * bounded three ways: the number of values, the length of a value it takes, and the characters it
 * holds in all. A count alone was not enough: 120,000 requests for distinct 10 KB targets, 6.6 MB
 * of gzip, filled a 1 GB heap with the cache of targets and stopped the run. A value it does not
 * take is matched again each time it is met, which costs time, not memory.
 *
 * @param <V> what is remembered of a value; never changed once remembered
 */
public final class ValueCache<V> {
  /** Values a cache holds at most. */
  public static final int MAX_VALUES = 100_000;

  /**
   * The longest value a cache takes. Nearly all targets, user agents and referers of real traffic
   * are far shorter; the long ones are mostly attacks, which rarely repeat.
   */
  public static final int MAX_LENGTH = 512;

  /**
   * Characters a cache holds in all, counting what each value's finding holds as well: room for the
   * most values at their usual lengths, and some tens of MB at worst.
   */
  public static final long MAX_CHARS = 16L << 20;

  private final ConcurrentHashMap<String, V> found = new ConcurrentHashMap<>();
  private final AtomicLong chars = new AtomicLong();

  /** What was remembered of {@code value}, or null. */
  public V get(String value) {
    return found.get(value);
  }

  /**
   * Remembers {@code finding} for {@code value} unless the value is too long or the cache is full;
   * {@code findingChars} is what the finding holds beyond the value (a decoded copy of it).
   */
  public void put(String value, V finding, int findingChars) {
    if (value.length() > MAX_LENGTH || found.size() >= MAX_VALUES) {
      return;
    }
    long weight = (long) value.length() + findingChars;
    // Two threads that meet a new value together may both count it: the bound errs low.
    if (chars.addAndGet(weight) > MAX_CHARS) {
      chars.addAndGet(-weight);
      return;
    }
    found.putIfAbsent(value, finding);
  }

  /** How many values are remembered. */
  int size() {
    return found.size();
  }

  /** The characters counted so far. */
  long chars() {
    return chars.get();
  }
}
