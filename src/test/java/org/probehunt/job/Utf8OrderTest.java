package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {
  /** Strings of ASCII, Latin-1, a character past the surrogates and one past U+FFFF. */
  private static final String[] PIECES = {"a", "b", "é", "\uFF21", "\uD83D\uDE00", ".", "1"};

  @Test
  void ordersStringsAsTheirUtf8Bytes() {
    Random random = new Random(19981123);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(5); n > 0; n--) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      strings.add(s.toString());
    }
    for (String a : strings.subList(0, 200)) {
      for (String b : strings) {
        int bytes =
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertEquals(Integer.signum(bytes), Integer.signum(Utf8Order.STRINGS.compare(a, b)), a + b);
      }
    }
  }

  @Test
  void aStringIsEqualToItselfAndToItsCopy() {
    String host = "surf.wil.net";
    assertEquals(0, Utf8Order.STRINGS.compare(host, host));
    assertEquals(0, Utf8Order.STRINGS.compare(host, new String(host.toCharArray())));
    assertTrue(Utf8Order.STRINGS.compare(host, host + "\uD83D\uDE00") < 0);
    assertTrue(Utf8Order.STRINGS.compare("\uD83D\uDE00", "\uFF21") > 0); // U+1F600 > U+FF21
  }
}
