package org.probehunt.detect;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.probehunt.parse.Request;

/** Rules grouped by field, built once per rule set and shared by all threads read-only. */
final class RuleIndex {
  private static final RequestPart[] FIELDS = RequestPart.values();

  /**
   * What the rules on target fields found in one target, and its decoded form, or null when that is
   * the target itself.
   */
  private record TargetHits(BitSet hits, String decodedOrNull) {
    String decoded(String raw) {
      return decodedOrNull == null ? raw : decodedOrNull;
    }
  }

  /**
   * The one finding of nothing, shared by every value in which no rule found anything (nearly all
   * of them), so that the caches' lookups of those values end in memory the processor has at hand.
   * Never changed.
   */
  private static final BitSet NOTHING = new BitSet();

  /** A target in which no rule found anything, and that decoding leaves as it is. */
  private static final TargetHits PLAIN = new TargetHits(NOTHING, null);

  private final FieldMatcher[] byField = new FieldMatcher[FIELDS.length];
  // Real logs repeat a few thousand user agents, targets and referers millions of times; the
  // caches' bounds keep a scanner that randomises or lengthens them from filling memory.
  private final ValueCache<BitSet> agentHits = new ValueCache<>();
  private final ValueCache<TargetHits> targetHits = new ValueCache<>();
  private final ValueCache<BitSet> refererHits = new ValueCache<>();
  private final ValueCache<BitSet> anyHits = new ValueCache<>();
  private final Set<String> ownHosts;
  // The literal starts of every request_line pattern, or null when one has none: the line is
  // built and matched only for methods that can begin one, not for every GET.
  private final String[] lineStarts;

  /** Indexes {@code rules}; {@code ownHosts} are the lower-cased names of the site itself. */
  RuleIndex(List<Rule> rules, Set<String> ownHosts) {
    this.ownHosts = ownHosts;
    Map<RequestPart, FieldMatcher> matchers = new EnumMap<>(RequestPart.class);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      matchers.computeIfAbsent(rule.field(), FieldMatcher::new).add(rule, i);
    }
    matchers.forEach((field, matcher) -> byField[field.ordinal()] = matcher.freeze());
    FieldMatcher line = byField[RequestPart.REQUEST_LINE.ordinal()];
    this.lineStarts = line == null ? null : line.anchoredStarts();
  }

  /**
   * Sets the bit of every rule that matches a logged request. The parts that repeat across millions
   * of lines — target, user agent, referer — are matched once per distinct value. Gives the bits
   * matching each part of the request, decoded by {@link Normalizer} and {@link Decoding}, would.
   */
  void collect(Request r, BitSet hits) {
    userAgent(r.userAgent(), hits);
    TargetHits target = target(r.target());
    hits.or(target.hits());
    referer(r.referer(), hits);
    String method = Normalizer.method(r.method());
    String protocol = Normalizer.protocol(r.protocol());
    match(RequestPart.METHOD, method, hits);
    FieldMatcher foreign = byField[RequestPart.FOREIGN_URL.ordinal()];
    if (foreign != null
        && r.target() != null
        && !r.target().startsWith("/")
        && !ownHost(urlHost(r.target()), r.vhost())) {
      foreign.match(target.decoded(r.target()), hits);
    }
    if (r.requestLine() != null) {
      match(RequestPart.UNPARSED_REQUEST, Decoding.value(r.requestLine(), false), hits);
    }
    FieldMatcher line = byField[RequestPart.REQUEST_LINE.ordinal()];
    if (line != null && mayStartLine(method)) {
      line.match(Normalizer.requestLine(method, target.decoded(r.target()), protocol), hits);
    }
    FieldMatcher any = byField[RequestPart.ANY.ordinal()];
    if (any != null) {
      // Methods, protocols and user names repeat on nearly every line: matched once per value.
      anyValue(any, method, hits);
      anyValue(any, protocol, hits);
      if (r.user() != null) {
        anyValue(any, Decoding.value(r.user(), false), hits);
      }
    }
    for (String extra : r.extras()) {
      String decoded = Decoding.value(extra, false);
      match(RequestPart.EXTRAS, decoded, hits);
      match(RequestPart.HEADERS, decoded, hits);
      match(RequestPart.ANY, decoded, hits);
    }
  }

  private boolean mayStartLine(String method) {
    if (lineStarts == null || method == null) {
      return true;
    }
    for (String start : lineStarts) {
      if (start.length() <= method.length()
          ? method.startsWith(start)
          : start.startsWith(method) && start.charAt(method.length()) == ' ') {
        return true;
      }
    }
    return false;
  }

  private void anyValue(FieldMatcher any, String value, BitSet hits) {
    if (value == null) {
      return;
    }
    BitSet known = anyHits.get(value);
    if (known == null) {
      known = new BitSet();
      any.match(value, known);
      anyHits.put(value, shared(known), 0); // never changed after this, so safe to share
    }
    hits.or(known);
  }

  private TargetHits target(String raw) {
    TargetHits known = raw == null ? null : targetHits.get(raw);
    if (known != null) {
      return known;
    }
    Normalizer.Target t = Normalizer.target(raw);
    BitSet bits = new BitSet();
    match(RequestPart.PATH, t.path(), bits);
    match(RequestPart.UNRESOLVED_PATH, t.unresolvedPath(), bits);
    match(RequestPart.QUERY, t.query(), bits);
    match(RequestPart.PARAMS, t.params(), bits);
    match(RequestPart.TARGET, t.decoded(), bits);
    match(RequestPart.ANY, t.decoded(), bits);
    String decoded = t.decoded();
    boolean same = Objects.equals(decoded, raw);
    TargetHits found =
        bits.isEmpty() && same ? PLAIN : new TargetHits(shared(bits), same ? null : decoded);
    if (raw != null) {
      // Never changed after this, so safe to share; the decoded form is held too, unless it is
      // the raw target itself.
      targetHits.put(raw, found, same ? 0 : decoded.length());
    }
    return found;
  }

  /**
   * The lower-cased host of an absolute-form target ({@code http://user@Host:80/x} gives {@code
   * host}), or null when the target is not one.
   */
  static String urlHost(String target) {
    int scheme = target.indexOf("://");
    if (scheme <= 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
      end++;
    }
    String authority = target.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int colon =
        authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
    if (colon > 0) {
      authority = authority.substring(0, colon);
    }
    return authority.toLowerCase(Locale.ROOT);
  }

  private boolean ownHost(String host, String vhost) {
    if (host == null) {
      return false; // not an absolute URL at all, e.g. "*" or a garbled line: foreign
    }
    String bare = withoutWww(host);
    if (vhost != null) {
      String v = vhost.toLowerCase(Locale.ROOT);
      int colon = v.lastIndexOf(':');
      if (colon > 0 && v.indexOf(':') == colon) {
        v = v.substring(0, colon);
      }
      if (bare.equals(withoutWww(v))) {
        return true;
      }
    }
    return ownHosts.contains(bare);
  }

  /** A host name without a leading {@code www.}: both name the same site. */
  static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** {@code found}, or the shared {@link #NOTHING} when it is empty. */
  private static BitSet shared(BitSet found) {
    return found.isEmpty() ? NOTHING : found;
  }

  private void match(RequestPart field, String value, BitSet hits) {
    FieldMatcher m = byField[field.ordinal()];
    if (m != null) {
      m.match(value, hits);
    }
  }

  /** Adds what the user_agent, headers and any rules find in the user agent, cached per value. */
  private void userAgent(String raw, BitSet hits) {
    header(agentHits, raw, hits, RequestPart.USER_AGENT);
  }

  /** Adds what the referer, headers and any rules find in the referer, cached per value. */
  private void referer(String raw, BitSet hits) {
    header(refererHits, raw, hits, RequestPart.REFERER);
  }

  private void header(ValueCache<BitSet> cache, String raw, BitSet hits, RequestPart own) {
    if (raw == null) {
      return;
    }
    BitSet known = cache.get(raw);
    if (known == null) {
      known = new BitSet();
      String value = Decoding.value(raw, false);
      match(own, value, known);
      match(RequestPart.HEADERS, value, known);
      match(RequestPart.ANY, value, known);
      cache.put(raw, shared(known), 0); // never changed after this, so safe to share
    }
    hits.or(known);
  }
}
