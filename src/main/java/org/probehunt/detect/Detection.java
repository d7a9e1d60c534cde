package org.probehunt.detect;

import java.util.List;

/**
 * What matching one request found.
 *
 * @param ruleIds    the ids of the matching rules, in rule-set order
 * @param categories their categories, each once, in the order first seen
 */
public record Detection(List<String> ruleIds, List<String> categories) {

  /** The result for a request no rule matches. */
  public static final Detection NONE = new Detection(List.of(), List.of());

  public Detection {
    ruleIds = List.copyOf(ruleIds);
    categories = List.copyOf(categories);
  }

  /** Whether any rule matched. */
  public boolean probe() {
    return !ruleIds.isEmpty();
  }
}
