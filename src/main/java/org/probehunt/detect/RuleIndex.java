package org.probehunt.detect;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rules grouped by field, built once per rule set and shared by all threads read-only. */
final class RuleIndex {

  private static final Field[] FIELDS = Field.values();

  private final FieldMatcher[] byField = new FieldMatcher[FIELDS.length];

  RuleIndex(List<Rule> rules) {
    Map<Field, FieldMatcher> matchers = new EnumMap<>(Field.class);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      matchers.computeIfAbsent(rule.field(), FieldMatcher::new).add(rule, i);
    }
    matchers.forEach((field, matcher) -> byField[field.ordinal()] = matcher.freeze());
  }

  /** Sets the bit of every rule that matches. */
  void collect(NormalizedRequest r, BitSet hits) {
    for (Field field : FIELDS) {
      FieldMatcher m = byField[field.ordinal()];
      if (m == null) {
        continue;
      }
      switch (field) {
        case PATH -> m.match(r.path(), hits);
        case UNRESOLVED_PATH -> m.match(r.unresolvedPath(), hits);
        case QUERY -> m.match(r.query(), hits);
        case TARGET -> m.match(r.target(), hits);
        case METHOD -> m.match(r.method(), hits);
        case REQUEST_LINE -> m.match(r.requestLine(), hits);
        case USER_AGENT -> m.match(r.userAgent(), hits);
        case REFERER -> m.match(r.referer(), hits);
        case EXTRAS -> r.extras().forEach(extra -> m.match(extra, hits));
        case HEADERS -> headers(m, r, hits);
        case ANY -> {
          m.match(r.requestLine(), hits);
          m.match(r.user(), hits);
          headers(m, r, hits);
        }
      }
    }
  }

  private static void headers(FieldMatcher m, NormalizedRequest r, BitSet hits) {
    m.match(r.userAgent(), hits);
    m.match(r.referer(), hits);
    for (String extra : r.extras()) {
      m.match(extra, hits);
    }
  }
}
