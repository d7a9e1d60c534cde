package org.probehunt.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One detection rule as written in a rule file.
 *
 * @param id stable identifier, e.g. {@code cgi-phf}
 * @param category group used in reports, e.g. {@code legacy-cgi}
 * @param field the part of the request looked at
 * @param kind how the pattern is compared
 * @param patterns one or more texts (lower-cased unless regexes); any one matching is enough
 * @param description why a request matching this is a probe
 * @param reference a CVE or where the probe is known from
 * @param origin where the rule was written, {@code file:line}
 * @param status the response status the request must have, or null for any
 * @param examples requests the rule must flag
 * @param counterexamples near misses the rule must not flag
 */
public record Rule(
    String id,
    String category,
    RequestPart field,
    MatchKind kind,
    List<String> patterns,
    String description,
    String reference,
    String origin,
    StatusCondition status,
    List<RuleExample> examples,
    List<RuleExample> counterexamples)
    implements Serializable {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no pattern");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(origin, "origin");
    examples = List.copyOf(examples);
    counterexamples = List.copyOf(counterexamples);
  }

  /** A rule with no status condition and no examples. */
  public Rule(
      String id,
      String category,
      RequestPart field,
      MatchKind kind,
      List<String> patterns,
      String description,
      String reference,
      String origin) {
    this(
        id,
        category,
        field,
        kind,
        patterns,
        description,
        reference,
        origin,
        null,
        List.of(),
        List.of());
  }

  /** The status condition as written in the file ({@code 4xx}, {@code !2xx}), or empty. */
  public String statusText() {
    return status == null ? "" : status.toString();
  }
}
