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

  // Sized for MAX_VALUES from the start: a map that grows resizes its table while the other
  // threads read it, and lookups that meet a moved bin go round by the new one (a tenth of the
  // first pass's time on a busy month, by JFR's samples).
  private final ConcurrentHashMap<Key, V> found = new ConcurrentHashMap<>(2 * MAX_VALUES);
  private final AtomicLong chars = new AtomicLong();

  /** What was remembered of {@code value}, or null. */
  public V get(String value) {
    // A value too long to be taken is not looked for: hashing it would cost as much as a match.
    return value.length() > MAX_LENGTH ? null : found.get(new Key(value));
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
    found.putIfAbsent(new Key(value), finding);
  }

  /** How many values are remembered. */
  int size() {
    return found.size();
  }

  /** The characters counted so far. */
  long chars() {
    return chars.get();
  }

  /**
   * A value as the map's key, with a hash of its own. The values are new strings, one per logged
   * line, so {@link String#hashCode} would run over each one anew, and on Java 17 it is one chain
   * of multiplications, each waiting for the one before: a quarter of the first pass's time went to
   * the lookups of user agents and targets. Four chains over alternate characters run side by side.
   * Only values of at most {@link #MAX_LENGTH} characters are keys.
   */
  private static final class Key {
    /**
     * Each thread's copy of the value being hashed: one bulk copy, then a loop over an array, where
     * {@link String#charAt} would check the string's coding and bounds at every character.
     */
    private static final ThreadLocal<char[]> CHARS =
        ThreadLocal.withInitial(() -> new char[MAX_LENGTH]);

    private final String value;
    private final int hash;

    Key(String value) {
      this.value = value;
      this.hash = hash(value);
    }

    static int hash(String s) {
      int n = s.length();
      char[] c = CHARS.get();
      s.getChars(0, n, c, 0);
      int a = 0;
      int b = 0;
      int d = 0;
      int e = 0;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        a = 31 * a + c[i];
        b = 31 * b + c[i + 1];
        d = 31 * d + c[i + 2];
        e = 31 * e + c[i + 3];
      }
      for (; i < n; i++) {
        a = 31 * a + c[i];
      }
      int h = a ^ Integer.rotateLeft(b, 8) ^ Integer.rotateLeft(d, 16) ^ Integer.rotateLeft(e, 24);
      return h ^ n;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.hash == hash && k.value.equals(value);
    }
  }
}
