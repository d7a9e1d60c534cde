package org.probehunt.detect;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rules grouped by field, built once per rule set and shared by all threads read-only. */
final class RuleIndex {
  private static final Field[] FIELDS = Field.values();
  // Real logs repeat a few thousand user agents millions of times; the bound keeps a scanner
  // that randomises its user agent from growing the cache without limit.
  private static final int MAX_CACHED_AGENTS = 50_000;

  private final FieldMatcher[] byField = new FieldMatcher[FIELDS.length];
  private final Map<String, BitSet> agentHits = new ConcurrentHashMap<>();

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
    userAgent(r.rawUserAgent(), hits);
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
        case USER_AGENT -> { } // done by userAgent()
        case REFERER -> m.match(r.referer(), hits);
        case EXTRAS -> r.extras().forEach(extra -> m.match(extra, hits));
        case HEADERS -> headersButAgent(m, r, hits);
        case ANY -> {
          // Each part on its own: no "any" pattern needs to span the spaces of the request line.
          m.match(r.method(), hits);
          m.match(r.target(), hits);
          m.match(r.protocol(), hits);
          m.match(r.user(), hits);
          headersButAgent(m, r, hits);
        }
      }
    }
  }

  /** Adds what the user_agent, headers and any rules find in the user agent, cached per value. */
  private void userAgent(String raw, BitSet hits) {
    if (raw == null) {
      return;
    }
    BitSet known = agentHits.get(raw);
    if (known == null) {
      known = new BitSet();
      String agent = Decoding.value(raw, false);
      for (Field field : new Field[] {Field.USER_AGENT, Field.HEADERS, Field.ANY}) {
        FieldMatcher m = byField[field.ordinal()];
        if (m != null) {
          m.match(agent, known);
        }
      }
      if (agentHits.size() < MAX_CACHED_AGENTS) {
        agentHits.putIfAbsent(raw, known); // never changed after this, so safe to share
      }
    }
    hits.or(known);
  }

  private static void headersButAgent(FieldMatcher m, NormalizedRequest r, BitSet hits) {
    m.match(r.referer(), hits);
    for (String extra : r.extras()) {
      m.match(extra, hits);
    }
  }
}
