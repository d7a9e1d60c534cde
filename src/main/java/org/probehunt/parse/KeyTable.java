package org.probehunt.parse;

import java.util.Map;

/**
 * Names mapped to constants, looked up by a range of a line without copying it, so that a JSON
 * line's keys cost no string each. Open addressing; a table that ignores case folds ASCII letters
 * only, as HTTP header names are compared.
 */
final class KeyTable<E> {
  private final String[] names;
  private final Object[] values;
  private final int mask;
  private final boolean ignoreCase;

  KeyTable(Map<String, E> entries, boolean ignoreCase) {
    int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
    this.names = new String[size];
    this.values = new Object[size];
    this.mask = size - 1;
    this.ignoreCase = ignoreCase;
    entries.forEach(
        (name, value) -> {
          int i = hash(name, 0, name.length()) & mask;
          while (names[i] != null) {
            if (same(names[i], name, 0, name.length())) {
              throw new IllegalArgumentException("name given twice: " + name);
            }
            i = (i + 1) & mask;
          }
          names[i] = name;
          values[i] = value;
        });
  }

  /** The constant of {@code text}'s characters {@code from} to {@code to}, or null. */
  @SuppressWarnings("unchecked") // only E goes into values
  E find(String text, int from, int to) {
    for (int i = hash(text, from, to) & mask; names[i] != null; i = (i + 1) & mask) {
      if (same(names[i], text, from, to)) {
        return (E) values[i];
      }
    }
    return null;
  }

  /**
   * A hash of the length and the first, middle and last characters: enough to tell a table's few
   * names apart, and cheaper than all characters, as most keys a line has are looked up to be
   * passed.
   */
  private int hash(String text, int from, int to) {
    int length = to - from;
    if (length == 0) {
      return 0;
    }
    int h = length;
    h = 31 * h + letter(text.charAt(from));
    h = 31 * h + letter(text.charAt(from + length / 2));
    h = 31 * h + letter(text.charAt(to - 1));
    return h ^ (h >>> 7);
  }

  private boolean same(String name, String text, int from, int to) {
    int length = name.length();
    if (length != to - from) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(from + i);
      if (c != name.charAt(i) && (!ignoreCase || letter(c) != letter(name.charAt(i)))) {
        return false;
      }
    }
    return true;
  }

  private char letter(char c) {
    return ignoreCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
