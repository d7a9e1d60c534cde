package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cache of findings takes values up to a length, and stops at its count or its characters. */
class ValueCacheTest {
  @Test
  void remembersShortValuesAndNotLongOnes() {
    ValueCache<Integer> cache = new ValueCache<>();
    String longest = "a".repeat(ValueCache.MAX_LENGTH);
    cache.put("/index.html", 1, 0);
    cache.put(longest, 2, 0);
    cache.put(longest + "b", 3, 0);
    assertEquals(1, cache.get("/index.html"));
    assertEquals(2, cache.get(longest));
    assertNull(cache.get(longest + "b"), "too long to remember");
    cache.put("/index.html", 9, 0);
    assertEquals(1, cache.get("/index.html"), "a finding is never replaced");
    assertEquals(2, cache.size());
  }

  @Test
  void stopsAtItsCharacters() {
    ValueCache<Integer> cache = new ValueCache<>();
    int length = ValueCache.MAX_LENGTH;
    // Each value counts its own characters and as many again for its finding's decoded copy.
    long fit = ValueCache.MAX_CHARS / (2L * length);
    for (int i = 0; i < fit + 100; i++) {
      String value = String.format("%0" + length + "d", i);
      cache.put(value, i, length);
    }
    assertEquals(fit, cache.size());
    assertTrue(cache.chars() <= ValueCache.MAX_CHARS, cache.chars() + " characters");
    assertEquals(0, cache.get(String.format("%0" + length + "d", 0)));
    assertNull(cache.get(String.format("%0" + length + "d", fit)), "past the characters");
    assertEquals(ValueCache.MAX_CHARS, cache.chars(), "refused values are not counted");
    cache.put("/x", -1, 0);
    assertNull(cache.get("/x"), "full: not even a short value");
  }

  @Test
  void stopsAtItsCount() {
    ValueCache<Integer> cache = new ValueCache<>();
    for (int i = 0; i < ValueCache.MAX_VALUES + 10; i++) {
      cache.put(Integer.toString(i), i, 0);
    }
    assertEquals(ValueCache.MAX_VALUES, cache.size());
    assertNull(cache.get(Integer.toString(ValueCache.MAX_VALUES)));
  }

  @Test
  void valuesThatDifferOnlyInHighBytesAreToldApart() {
    // The hash is taken over each character's low byte: these share it, and the comparison of
    // characters must still tell them apart.
    ValueCache<Integer> cache = new ValueCache<>();
    cache.put("/caf\u00e9", 1, 0);
    cache.put("/caf\u01e9", 2, 0);
    assertEquals(1, cache.get("/caf\u00e9"));
    assertEquals(2, cache.get("/caf\u01e9"));
    assertNull(cache.get("/caf\u02e9"));
    assertNull(cache.get("/caf\u00e9x"));
    assertNull(cache.get("/caf"));
  }

  @Test
  void aValueIsFoundWhateverWasLookedUpBefore() {
    // A lookup copies its value into a buffer of the thread's; a longer value looked up before
    // leaves bytes after it, which the hash must not take in.
    ValueCache<Integer> cache = new ValueCache<>();
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int n = 0; n <= letters.length(); n++) {
      cache.put(letters.substring(0, n), n, 0);
    }
    for (int n = 0; n <= letters.length(); n++) {
      assertNull(cache.get(new StringBuilder(letters).reverse() + "#".repeat(n)));
      assertEquals(n, cache.get(letters.substring(0, n)), "the first " + n + " characters");
    }
  }

  @Test
  void readersSeeNothingOrTheRightFindingWhileValuesAreAdded() throws InterruptedException {
    ValueCache<Integer> cache = new ValueCache<>();
    int count = 60_000; // the table grows six times on the way
    AtomicInteger added = new AtomicInteger();
    AtomicReference<String> wrong = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < count; i++) {
                cache.put("/item/" + i, i, 0);
                added.set(i + 1);
              }
            });
    Runnable read =
        () -> {
          Random random = new Random(added.hashCode());
          while (added.get() < count && wrong.get() == null) {
            int i = random.nextInt(count);
            boolean expected = i < added.get();
            Integer found = cache.get("/item/" + i);
            if (found != null && found != i) {
              wrong.set("/item/" + i + " gave " + found);
            } else if (found == null && expected && cache.get("/item/" + i) == null) {
              wrong.set("/item/" + i + " was added and is not found");
            }
          }
        };
    Thread[] readers = {new Thread(read), new Thread(read)};
    for (Thread reader : readers) {
      reader.start();
    }
    writer.start();
    writer.join();
    for (Thread reader : readers) {
      reader.join();
    }
    assertNull(wrong.get());
    for (int i = 0; i < count; i++) {
      assertEquals(i, cache.get("/item/" + i));
    }
  }
}
