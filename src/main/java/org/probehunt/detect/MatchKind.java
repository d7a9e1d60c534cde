package org.probehunt.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a rule's pattern is compared with a field value. */
public enum MatchKind {
  /** The whole value equals the pattern. */
  EXACT,
  /**
   * Whole path segments in a row on path fields; a whole word (no letter or digit beside it)
   * elsewhere.
   */
  SEGMENT,
  /** The value starts with the pattern. */
  PREFIX,
  /** The value ends with the pattern. */
  SUFFIX,
  /** The pattern occurs anywhere in the value. */
  CONTAINS,
  /** A Java regular expression found anywhere in the value, case-insensitively. */
  REGEX;

  /** The name used in rule files, e.g. {@code segment}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<MatchKind> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }

  static String keys() {
    return Arrays.stream(values()).map(MatchKind::key).collect(Collectors.joining(", "));
  }
}
