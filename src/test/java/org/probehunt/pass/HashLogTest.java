package org.probehunt.pass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HashLogTest {
  @Test
  void keepsEachHashOnceInOrderOverManyRuns() {
    Random random = new Random(19981123);
    HashLog log = new HashLog();
    TreeSet<Long> expected = new TreeSet<>();
    long[] clients = new long[50_000];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = random.nextLong();
    }
    clients[7] = 0; // a hash of 0 is a value like any other, though the table uses 0 for "free"
    clients[8] = Long.MIN_VALUE;
    clients[9] = Long.MAX_VALUE;
    for (int i = 0; i < 400_000; i++) {
      long hash = clients[random.nextInt(clients.length)];
      log.add(hash);
      expected.add(hash);
      if (i % 40_000 == 39_999) {
        long absent = random.nextLong();
        assertEquals(expected.contains(absent), log.contains(absent), "after " + i);
        assertTrue(log.contains(hash), "the latest, after " + i);
        long earlier = expected.first();
        assertTrue(log.contains(earlier), "an early one, after " + i);
      }
    }
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), log.sorted());
  }

  @Test
  void hashesCraftedToShareTheirTopBitsAreSortedAsWell() {
    // Client names are the log's to choose: many may land in one bucket of the counting sort.
    HashLog log = new HashLog();
    TreeSet<Long> expected = new TreeSet<>();
    Random random = new Random(2);
    for (int i = 0; i < 40_000; i++) {
      long hash = (0x5A5L << 52) | (random.nextLong() >>> 12);
      log.add(hash);
      expected.add(hash);
    }
    assertTrue(log.contains(expected.last()));
    assertFalse(log.contains(0x5A5L << 52 ^ 1L << 63));
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), log.sorted());
  }

  @Test
  void anEmptyLogHoldsNothing() {
    HashLog log = new HashLog();
    assertFalse(log.contains(0));
    assertArrayEquals(new long[0], log.sorted());
  }
}
