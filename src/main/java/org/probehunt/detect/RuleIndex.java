package org.probehunt.detect;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probehunt.parse.Request;

/** Rules grouped by field, built once per rule set and shared by all threads read-only. */
final class RuleIndex {
  private static final Field[] FIELDS = Field.values();
  // Real logs repeat a few thousand user agents, targets and referers millions of times; the
  // bound keeps a scanner that randomises them from growing a cache without limit.
  private static final int MAX_CACHED_VALUES = 100_000;

  /** What the rules on target fields found in one target, and its decoded form. */
  private record TargetHits(BitSet hits, String decoded) {}

  private final FieldMatcher[] byField = new FieldMatcher[FIELDS.length];
  private final Map<String, BitSet> agentHits = new ConcurrentHashMap<>();
  private final Map<String, TargetHits> targetHits = new ConcurrentHashMap<>();
  private final Map<String, BitSet> refererHits = new ConcurrentHashMap<>();

  RuleIndex(List<Rule> rules) {
    Map<Field, FieldMatcher> matchers = new EnumMap<>(Field.class);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      matchers.computeIfAbsent(rule.field(), FieldMatcher::new).add(rule, i);
    }
    matchers.forEach((field, matcher) -> byField[field.ordinal()] = matcher.freeze());
  }

  /**
   * Sets the bit of every rule that matches a logged request. The parts that repeat across
   * millions of lines — target, user agent, referer — are matched once per distinct value.
   * Gives the bits matching every field of {@link Normalizer#normalize} would.
   */
  void collect(Request r, BitSet hits) {
    userAgent(r.userAgent(), hits);
    TargetHits target = target(r.target());
    hits.or(target.hits());
    referer(r.referer(), hits);
    String method = Normalizer.method(r.method());
    String protocol = Normalizer.protocol(r.protocol());
    match(Field.METHOD, method, hits);
    if (r.requestLine() != null) {
      match(Field.UNPARSED_REQUEST, Decoding.value(r.requestLine(), false), hits);
    }
    FieldMatcher line = byField[Field.REQUEST_LINE.ordinal()];
    if (line != null) {
      line.match(NormalizedRequest.requestLine(method, target.decoded(), protocol), hits);
    }
    FieldMatcher any = byField[Field.ANY.ordinal()];
    if (any != null) {
      any.match(method, hits);
      any.match(protocol, hits);
      any.match(Decoding.value(r.user(), false), hits);
    }
    for (String extra : r.extras()) {
      String decoded = Decoding.value(extra, false);
      match(Field.EXTRAS, decoded, hits);
      match(Field.HEADERS, decoded, hits);
      match(Field.ANY, decoded, hits);
    }
  }

  private TargetHits target(String raw) {
    TargetHits known = raw == null ? null : targetHits.get(raw);
    if (known != null) {
      return known;
    }
    Normalizer.Target t = Normalizer.target(raw);
    BitSet bits = new BitSet();
    match(Field.PATH, t.path(), bits);
    match(Field.UNRESOLVED_PATH, t.unresolvedPath(), bits);
    match(Field.QUERY, t.query(), bits);
    match(Field.TARGET, t.decoded(), bits);
    match(Field.ANY, t.decoded(), bits);
    TargetHits found = new TargetHits(bits, t.decoded());
    if (raw != null && targetHits.size() < MAX_CACHED_VALUES) {
      targetHits.putIfAbsent(raw, found); // never changed after this, so safe to share
    }
    return found;
  }

  private void match(Field field, String value, BitSet hits) {
    FieldMatcher m = byField[field.ordinal()];
    if (m != null) {
      m.match(value, hits);
    }
  }

  /** Adds what the user_agent, headers and any rules find in the user agent, cached per value. */
  private void userAgent(String raw, BitSet hits) {
    header(agentHits, raw, hits, Field.USER_AGENT);
  }

  /** Adds what the referer, headers and any rules find in the referer, cached per value. */
  private void referer(String raw, BitSet hits) {
    header(refererHits, raw, hits, Field.REFERER);
  }

  private void header(Map<String, BitSet> cache, String raw, BitSet hits, Field own) {
    if (raw == null) {
      return;
    }
    BitSet known = cache.get(raw);
    if (known == null) {
      known = new BitSet();
      String value = Decoding.value(raw, false);
      match(own, value, known);
      match(Field.HEADERS, value, known);
      match(Field.ANY, value, known);
      if (cache.size() < MAX_CACHED_VALUES) {
        cache.putIfAbsent(raw, known); // never changed after this, so safe to share
      }
    }
    hits.or(known);
  }

}
