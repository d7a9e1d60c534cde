package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultRulesTest {
  private static final RuleSet DEFAULTS = RuleSet.defaults();

  static List<Requests.Row> probes() {
    return Requests.table("probes.txt");
  }

  static List<Requests.Row> lookalikes() {
    return Requests.table("lookalikes.txt");
  }

  static List<Rule> rules() {
    return DEFAULTS.rules();
  }

  @ParameterizedTest
  @MethodSource("probes")
  void catchesProbe(Requests.Row row) {
    Detection detection = DEFAULTS.match(row.request());
    assertTrue(detection.ruleIds().contains(row.label()),
        () -> row.text() + " should match " + row.label() + " but matched " + detection.ruleIds());
  }

  @ParameterizedTest
  @MethodSource("lookalikes")
  void ignoresLookalike(Requests.Row row) {
    assertEquals(Detection.NONE, DEFAULTS.match(row.request()), row.text());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyRuleExplainsItselfAndHasAPositiveFixture(Rule rule) {
    assertFalse(rule.description().isBlank(), rule.id() + " description");
    assertTrue(rule.description().length() > 30, rule.id() + " description says why");
    assertFalse(rule.reference().isBlank(), rule.id() + " reference");
    assertTrue(probes().stream().anyMatch(row -> row.label().equals(rule.id())),
        rule.id() + " has no line in probes.txt");
  }

  @Test
  void everyCategoryHasAProbeAndALookalike() {
    Set<String> categories = rules().stream().map(Rule::category).collect(Collectors.toSet());
    Set<String> withLookalike = lookalikes().stream().map(Requests.Row::label).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(categories);
    missing.removeAll(withLookalike);
    assertEquals(Set.of(), missing, "categories without a look-alike in lookalikes.txt");
    assertEquals(RuleFiles.CATEGORIES, categories, "every shipped category is used");
  }

  @Test
  void fixturesNameOnlyExistingRules() {
    Set<String> ids = rules().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> unknown = probes().stream().map(Requests.Row::label)
        .filter(id -> !ids.contains(id)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), unknown);
  }
}
