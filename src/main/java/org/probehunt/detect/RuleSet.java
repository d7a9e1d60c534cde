package org.probehunt.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.probehunt.parse.Request;

/** An ordered, validated set of probe rules and the fast matcher built from them. */
public final class RuleSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULTS = "default.rules";

  private final List<Rule> rules;
  private final Set<String> ownHosts;
  // Rebuilt after deserialisation (see readResolve) rather than shipped to every task.
  private final transient RuleIndex index;
  private final transient int[] withStatus;

  private RuleSet(List<Rule> rules, Set<String> ownHosts) {
    this.rules = List.copyOf(rules);
    this.ownHosts = Set.copyOf(ownHosts);
    this.index = new RuleIndex(this.rules, this.ownHosts);
    this.withStatus =
        IntStream.range(0, this.rules.size())
            .filter(i -> this.rules.get(i).status() != null)
            .toArray();
  }

  private RuleSet(List<Rule> rules) {
    this(rules, Set.of());
  }

  /** The rules shipped in the jar. */
  public static RuleSet defaults() {
    return Defaults.RULES;
  }

  /** Reads a rule file; {@code sourceName} is used in error messages. */
  public static RuleSet parse(Reader reader, String sourceName) throws RuleException {
    return new RuleSet(RuleFiles.parse(reader, sourceName));
  }

  /**
   * These rules with each rule of {@code extra} replacing the one of the same id, or added at the
   * end.
   */
  public RuleSet withOverrides(RuleSet extra) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      byId.put(rule.id(), rule);
    }
    for (Rule rule : extra.rules) {
      byId.put(rule.id(), rule);
    }
    return new RuleSet(new ArrayList<>(byId.values()), ownHosts);
  }

  /** These rules without the given ids; an id that names no rule is an error, likely a typo. */
  public RuleSet without(Set<String> disabledIds) throws RuleException {
    Set<String> unknown = new TreeSet<>(disabledIds);
    rules.forEach(rule -> unknown.remove(rule.id()));
    if (!unknown.isEmpty()) {
      throw new RuleException("disabled rules: unknown rule id(s) " + unknown);
    }
    return new RuleSet(
        rules.stream().filter(rule -> !disabledIds.contains(rule.id())).toList(), ownHosts);
  }

  /**
   * These rules, knowing the site's own host names: an absolute-URL request naming one of them (or
   * the log's vhost) is not a request to relay elsewhere (see {@link RequestPart#FOREIGN_URL}).
   */
  public RuleSet withServerNames(Collection<String> names) throws RuleException {
    Set<String> own = new TreeSet<>(ownHosts);
    for (String name : names) {
      String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (!host.matches("[a-z0-9_.:\\[\\]-]+")) {
        throw new RuleException(
            "--server-name: bad host name '"
                + name
                + "' (expected a name like www.example.org or an address)");
      }
      own.add(RuleIndex.withoutWww(host));
    }
    return new RuleSet(rules, own);
  }

  /**
   * Checks that every rule flags its examples and leaves its counterexamples alone; with {@code
   * requireExamples}, also that each rule has at least one of each.
   *
   * @throws RuleException naming the file and line of the first example that fails
   */
  public void checkExamples(boolean requireExamples) throws RuleException {
    for (Rule rule : rules) {
      String source = rule.origin().substring(0, rule.origin().lastIndexOf(':'));
      if (requireExamples && (rule.examples().isEmpty() || rule.counterexamples().isEmpty())) {
        throw new RuleException(
            rule.origin()
                + ": rule '"
                + rule.id()
                + "' has no "
                + (rule.examples().isEmpty() ? "example" : "counterexample")
                + " (every rule needs a request it flags and a near miss it does not)");
      }
      for (RuleExample example : rule.examples()) {
        if (!match(example.request()).ruleIds().contains(rule.id())) {
          throw RuleException.at(
              source,
              example.line(),
              "rule '" + rule.id() + "' does not flag its example: " + example.text());
        }
      }
      for (RuleExample counter : rule.counterexamples()) {
        if (match(counter.request()).ruleIds().contains(rule.id())) {
          throw RuleException.at(
              source,
              counter.line(),
              "rule '" + rule.id() + "' flags its counterexample: " + counter.text());
        }
      }
    }
  }

  /** The rules in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The site's own host names (see {@link #withServerNames}), sorted. */
  Set<String> serverNames() {
    return new TreeSet<>(ownHosts);
  }

  /** The rules matching the request; safe to call from many threads at once. */
  public Detection match(Request request) {
    BitSet hits = new BitSet(rules.size());
    index.collect(request, hits);
    for (int i : withStatus) {
      if (hits.get(i) && !rules.get(i).status().test(request.status())) {
        hits.clear(i);
      }
    }
    if (hits.isEmpty()) {
      return Detection.NONE;
    }
    List<String> ids = new ArrayList<>(hits.cardinality());
    List<String> categories = new ArrayList<>(2);
    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
      Rule rule = rules.get(i);
      ids.add(rule.id());
      if (!categories.contains(rule.category())) {
        categories.add(rule.category());
      }
    }
    return new Detection(ids, categories);
  }

  @Override
  public String toString() {
    return "RuleSet[" + rules.size() + " rules]";
  }

  private Object readResolve() {
    return new RuleSet(rules, ownHosts);
  }

  /** Loads the shipped rules once, on first use. */
  private static final class Defaults {
    static final RuleSet RULES = load();

    private static RuleSet load() {
      try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULTS)) {
        if (in == null) {
          throw new IllegalStateException("resource " + DEFAULTS + " missing from the jar");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuleException e) {
        throw new IllegalStateException("shipped rules are broken: " + e.getMessage(), e);
      }
    }
  }
}
