package org.probehunt.job;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Strings in the order Spark sorts them, by their UTF-8 bytes, which is the order of their code
 * points. Java's {@link String#compareTo} compares UTF-16 units instead, and differs for characters
 * past U+FFFF; the passes that sort in plain Java use this so that their reports keep the order
 * that Spark's sorts gave them.
 */
final class Utf8Order implements Comparator<String>, Serializable {
  private static final long serialVersionUID = 1L;

  /** The order; nulls are not compared (see {@link #NULLS_FIRST}). */
  static final Utf8Order STRINGS = new Utf8Order();

  /** The order with null before every string, as Spark's ascending sorts place it. */
  static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(STRINGS);

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    if (a == b) {
      return 0; // keys read back share their strings (SortKey): equal ones are mostly one object
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (U+D800..U+DFFF) stand for code points above every other unit.
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        return sx == sy ? Character.compare(x, y) : sx ? 1 : -1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private Object readResolve() {
    return STRINGS;
  }
}
