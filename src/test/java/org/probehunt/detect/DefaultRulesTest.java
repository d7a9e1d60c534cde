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

  static List<Requests.Row> lookalikes() {
    return Requests.table("lookalikes.txt");
  }

  static List<Rule> rules() {
    return DEFAULTS.rules();
  }

  @ParameterizedTest
  @MethodSource("lookalikes")
  void ignoresLookalike(Requests.Row row) {
    assertEquals(Detection.NONE, DEFAULTS.match(row.request()), row.text());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyRuleExplainsItselfAndCarriesAnExampleAndACounterexample(Rule rule) {
    assertFalse(rule.description().isBlank(), rule.id() + " description");
    assertTrue(rule.description().length() > 30, rule.id() + " description says why");
    assertFalse(rule.reference().isBlank(), rule.id() + " reference");
    assertFalse(rule.examples().isEmpty(), rule.id() + " has no example");
    assertFalse(rule.counterexamples().isEmpty(), rule.id() + " has no counterexample");
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyRuleFlagsItsExamplesAndNotItsCounterexamples(Rule rule) {
    for (RuleExample example : rule.examples()) {
      assertTrue(
          DEFAULTS.match(example.request()).ruleIds().contains(rule.id()),
          () -> "default.rules:" + example.line() + " not flagged: " + example.text());
    }
    for (RuleExample counter : rule.counterexamples()) {
      assertFalse(
          DEFAULTS.match(counter.request()).ruleIds().contains(rule.id()),
          () -> "default.rules:" + counter.line() + " flagged: " + counter.text());
    }
  }

  @Test
  void theShippedFilePassesTheCheckUsersRun() throws RuleException {
    DEFAULTS.checkExamples(true);
  }

  /** A reference a reader can look up: an identifier, a standard, or a named public source. */
  @ParameterizedTest
  @MethodSource("rules")
  void everyReferenceNamesSomethingCheckable(Rule rule) {
    assertTrue(
        rule.reference()
            .matches(
                ".*(CVE-\\d{4}-\\d+|CWE-\\d+|CAPEC-\\d+|RFC"
                    + " \\d+|MS\\d\\d-\\d+|CERT|T1505|\\w+\\.(org|com|net|io|html)|OWASP"
                    + " CRS|Nikto|SANS|MS-RDPBCGR|specification|documentation).*"),
        rule.id() + ": " + rule.reference());
  }

  @Test
  void theCorrectedReferencesStayCorrected() {
    assertEquals("CVE-2015-2051", reference("iot-hnap"));
    assertTrue(reference("iot-boaform").startsWith("CVE-2020-8958"), reference("iot-boaform"));
    assertTrue(reference("iot-luci").contains("CVE-2019-12272"), reference("iot-luci"));
    assertTrue(reference("iot-luci").contains("CVE-2023-1389"), reference("iot-luci"));
  }

  private static String reference(String id) {
    return rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().reference();
  }

  @Test
  void everyCategoryHasAProbeAndALookalike() {
    Set<String> categories = rules().stream().map(Rule::category).collect(Collectors.toSet());
    Set<String> withLookalike =
        lookalikes().stream().map(Requests.Row::label).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(categories);
    missing.removeAll(withLookalike);
    assertEquals(Set.of(), missing, "categories without a look-alike in lookalikes.txt");
    assertEquals(RuleFiles.CATEGORIES, categories, "every shipped category is used");
  }
}
