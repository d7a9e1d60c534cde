package org.probehunt.detect;

import java.io.Serializable;
import java.util.List;

/**
 * What matching one request found; serializable since it travels with the request between tasks.
 *
 * @param ruleIds the ids of the matching rules, in rule-set order
 * @param categories their categories, each once, in the order first seen
 */
public record Detection(List<String> ruleIds, List<String> categories) implements Serializable {

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
