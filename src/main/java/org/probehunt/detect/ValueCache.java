package org.probehunt.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What was found in logged values (targets, user agents, referers), remembered for the values that
 * repeat, shared by the threads of one JVM. Logs are written by attackers, so what it holds is
 * bounded three ways: the number of values, the length of a value it takes, and the characters it
 * holds in all. A count alone was not enough: 120,000 requests for distinct 10 KB targets, 6.6 MB
 * of gzip, filled a 1 GB heap with the cache of targets and stopped the run. A value it does not
 * take is matched again each time it is met, which costs time, not memory.
 *
 * <p>Every line of a log asks three or more of these caches, and between two lines the scan has
 * streamed kilobytes through the processor's caches, so a lookup's cost is the memory it touches
 * one read after another. A {@code ConcurrentHashMap} went from its table to a node, a key, the
 * key's string and the string's bytes, then the finding: a third of the first pass's time on a busy
 * month, by JFR's samples. Here a lookup reads one slot of a table of longs (the value's hash and
 * where its characters are), the characters themselves, kept one after another in large arrays, and
 * the finding.
 *
 * <p>Lookups take no lock; a value is added under the cache's lock and published by a release write
 * of its slot, after its characters and finding are in place, so a reader that sees the slot sees
 * them too. A slot, once written, never changes.
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

  /**
   * Slots of the table at most: at most MAX_VALUES are used, so at least three in five stay empty.
   * The table starts small and doubles while it is more than half full.
   */
  private static final int MAX_SLOTS = 1 << 18;

  private static final int FIRST_SLOTS = 1 << 10;

  /**
   * The slots a lookup tries at most. Past half full, the longest run of probes over 65,536 values
   * is about 60 slots when their hashes spread as they should; values whose hashes crowd one
   * stretch of the table (which an attacker can make) are not remembered, rather than making every
   * lookup there long.
   */
  private static final int MAX_PROBES = 128;

  /** Characters of one array of the store; a value never spans two. */
  private static final int CHUNK_BITS = 16;

  private static final int CHUNK = 1 << CHUNK_BITS;

  /** Ahead of each value's characters in the store: its number (two characters), its length. */
  private static final int HEADER = 3;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Each thread's copies of the value being looked up (see {@link Scratch}). */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * A value's hash in the high half, and in the low half where its record starts in the store, plus
   * one; zero for an empty slot.
   */
  private volatile long[] slots = new long[FIRST_SLOTS];

  /**
   * The store of values, each as its header then its characters; filled in order. Room for every
   * character the bound allows and every header, though each array may leave up to a record's
   * length unused at its end.
   */
  private final char[][] chunks =
      new char[(int) ((MAX_CHARS + (long) HEADER * MAX_VALUES) / (CHUNK - HEADER - MAX_LENGTH)) + 2]
          [];

  /** The findings, by value number; replaced by a longer copy as it fills. */
  private volatile Object[] findings = new Object[1024];

  // Written under the lock only.
  private int values;
  private long chars;
  private int end;

  /** What was remembered of {@code value}, or null. */
  public V get(String value) {
    int n = value.length();
    // A value too long to be taken is not looked for: hashing it would cost as much as a match.
    if (n > MAX_LENGTH) {
      return null;
    }
    Scratch scratch = SCRATCH.get();
    char[] c = scratch.chars(value);
    int hash = scratch.hash(value);
    long[] table = slots;
    int mask = table.length - 1;
    int i = index(hash, mask);
    for (int probe = 0; probe < MAX_PROBES; probe++, i = (i + 1) & mask) {
      long slot = (long) SLOT.getAcquire(table, i);
      if (slot == 0) {
        return null;
      }
      if ((int) (slot >>> 32) == hash && holds((int) slot - 1, c, n)) {
        return finding((int) slot - 1);
      }
    }
    return null;
  }

  /**
   * Remembers {@code finding} for {@code value} unless the value is too long or the cache is full;
   * {@code findingChars} is what the finding holds beyond the value (a decoded copy of it).
   */
  public void put(String value, V finding, int findingChars) {
    int n = value.length();
    if (n > MAX_LENGTH) {
      return;
    }
    Scratch scratch = SCRATCH.get();
    char[] c = scratch.chars(value);
    int hash = scratch.hash(value);
    synchronized (this) {
      if (values >= MAX_VALUES || chars + n + findingChars > MAX_CHARS) {
        return;
      }
      int number = values;
      long[] table = slots;
      if (2 * number >= table.length && table.length < MAX_SLOTS) {
        table = grown(table);
      }
      int mask = table.length - 1;
      int i = index(hash, mask);
      for (int probe = 0; ; probe++, i = (i + 1) & mask) {
        if (probe == MAX_PROBES) {
          return;
        }
        long slot = table[i];
        if (slot == 0) {
          break;
        }
        if ((int) (slot >>> 32) == hash && holds((int) slot - 1, c, n)) {
          return; // a finding is never replaced
        }
      }
      if (number == findings.length) {
        findings = Arrays.copyOf(findings, Math.min(2 * number, MAX_VALUES));
      }
      findings[number] = finding;
      if ((end & (CHUNK - 1)) + HEADER + n > CHUNK) {
        end = (end | (CHUNK - 1)) + 1; // the next array: a value never spans two
      }
      int at = end;
      char[] chunk = chunks[at >>> CHUNK_BITS];
      if (chunk == null) {
        chunk = new char[CHUNK];
        chunks[at >>> CHUNK_BITS] = chunk;
      }
      int start = at & (CHUNK - 1);
      chunk[start] = (char) (number >>> 16);
      chunk[start + 1] = (char) number;
      chunk[start + 2] = (char) n;
      System.arraycopy(c, 0, chunk, start + HEADER, n);
      end = at + HEADER + n;
      values = number + 1;
      chars += n + findingChars;
      SLOT.setRelease(table, i, (long) hash << 32 | (at + 1L));
    }
  }

  /** The finding of the value whose record is at {@code at}. */
  @SuppressWarnings("unchecked")
  private V finding(int at) {
    char[] chunk = chunks[at >>> CHUNK_BITS];
    int start = at & (CHUNK - 1);
    return (V) findings[chunk[start] << 16 | chunk[start + 1]];
  }

  /** Whether the record at {@code at} holds the first {@code n} characters of {@code c}. */
  private boolean holds(int at, char[] c, int n) {
    char[] chunk = chunks[at >>> CHUNK_BITS];
    int start = at & (CHUNK - 1);
    return chunk[start + 2] == n
        && Arrays.equals(chunk, start + HEADER, start + HEADER + n, c, 0, n);
  }

  /**
   * A table twice the size of {@code table}, with its values, made the one lookups read. A lookup
   * still on the old table misses the values added after it was replaced: its caller matches the
   * value and offers it again, which finds it here.
   */
  private long[] grown(long[] table) {
    long[] bigger = new long[2 * table.length];
    int mask = bigger.length - 1;
    for (long slot : table) {
      if (slot != 0) {
        int i = index((int) (slot >>> 32), mask);
        while (bigger[i] != 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = slot;
      }
    }
    slots = bigger;
    return bigger;
  }

  /** How many values are remembered. */
  synchronized int size() {
    return values;
  }

  /** The characters counted so far. */
  synchronized long chars() {
    return chars;
  }

  /**
   * The first slot to try for a hash, whose bits are all mixed into the low ones the table takes:
   * values that differ only in their last characters, as numbered paths do, have hashes close
   * together, which would fill one stretch of the table.
   */
  private static int index(int hash, int mask) {
    int h = (hash ^ (hash >>> 16)) * 0x85ebca6b;
    h = (h ^ (h >>> 13)) * 0xc2b2ae35;
    return (h ^ (h >>> 16)) & mask;
  }

  /**
   * One thread's copies of a value: its characters, which a lookup compares with the stored ones
   * (one bulk copy, then loops over an array, where {@link String#charAt} would check the string's
   * coding and bounds at every character), and their low bytes, which it hashes eight at a time.
   */
  private static final class Scratch {
    private static final long K = 0x9e3779b97f4a7c15L;

    private final char[] chars = new char[MAX_LENGTH];
    // Room to read a whole word at the last byte of the longest value.
    private final byte[] bytes = new byte[MAX_LENGTH + Long.BYTES];

    char[] chars(String value) {
      value.getChars(0, value.length(), chars, 0);
      return chars;
    }

    /**
     * The hash of {@code value}, at most {@link #MAX_LENGTH} characters long. Taken over the low
     * byte of each character, which is the whole character in nearly every log: values that differ
     * only in high bytes have the same hash, and the comparison of characters tells them apart. Two
     * chains of 64-bit words run side by side; on Java 17 {@link String#hashCode} is one chain of
     * multiplications a character, each waiting for the one before.
     */
    @SuppressWarnings("deprecation") // the low byte of each character is all that is wanted here
    int hash(String value) {
      int n = value.length();
      value.getBytes(0, n, bytes, 0);
      long a = n;
      long b = 0;
      int i = 0;
      for (; i + 2 * Long.BYTES <= n; i += 2 * Long.BYTES) {
        a = Long.rotateLeft((a ^ (long) WORD.get(bytes, i)) * K, 31);
        b = Long.rotateLeft((b ^ (long) WORD.get(bytes, i + Long.BYTES)) * K, 31);
      }
      if (i + Long.BYTES <= n) {
        a = Long.rotateLeft((a ^ (long) WORD.get(bytes, i)) * K, 31);
        i += Long.BYTES;
      }
      if (i < n) {
        // The last bytes, without what an earlier value left after them.
        long last = (long) WORD.get(bytes, i) & (-1L >>> (Long.SIZE - Byte.SIZE * (n - i)));
        b = Long.rotateLeft((b ^ last) * K, 31);
      }
      long h = (a ^ Long.rotateLeft(b, 17)) * K;
      return (int) (h ^ (h >>> 32));
    }
  }
}
