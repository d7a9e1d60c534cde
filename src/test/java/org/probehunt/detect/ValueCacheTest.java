package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
