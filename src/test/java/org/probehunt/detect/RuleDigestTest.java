package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probehunt.parse.TrustedProxies;

/** The rule set's digest moves with what decides a probe, and with nothing else. */
class RuleDigestTest {
  private static String rule(String id, String... patterns) {
    StringBuilder text =
        new StringBuilder("rule ")
            .append(id)
            .append("\n  category     custom-local\n  field        path\n  match        segment\n");
    for (String p : patterns) {
      text.append("  pattern      ").append(p).append('\n');
    }
    return text.append("  description  A page no visitor asks for.\n")
        .append("  reference    local note\n")
        .toString();
  }

  private static RuleSet parse(String text, String name) throws RuleException {
    return RuleSet.parse(new StringReader(text), name);
  }

  private static String digest(RuleSet rules) {
    return RuleDigest.of(rules, HostAllowList.NONE);
  }

  @Test
  void theSameRulesGiveTheSameDigestWhereverTheyWereRead() throws RuleException {
    String text = rule("custom-old", "old.cgi");
    String digest = digest(parse(text, "a.rules"));
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    assertEquals(digest, digest(parse("# a comment\n\n" + text, "elsewhere/b.rules")));
    assertEquals(digest(RuleSet.defaults()), digest(RuleSet.defaults()));
  }

  @Test
  void examplesChangeNothing() throws RuleException {
    String text = rule("custom-old", "old.cgi");
    String withExample =
        text + "  example      GET /old.cgi HTTP/1.1\n  counterexample GET /new.cgi HTTP/1.1\n";
    assertEquals(digest(parse(text, "a.rules")), digest(parse(withExample, "a.rules")));
  }

  @Test
  void aChangedAddedOrDisabledRuleChangesIt() throws RuleException {
    RuleSet defaults = RuleSet.defaults();
    RuleSet mine = parse(rule("custom-old", "old.cgi"), "a.rules");
    String plain = digest(defaults);
    String extended = digest(defaults.withOverrides(mine));
    assertNotEquals(plain, extended);
    assertNotEquals(
        extended,
        digest(defaults.withOverrides(parse(rule("custom-old", "older.cgi"), "a.rules"))));
    String first = defaults.rules().get(0).id();
    assertNotEquals(plain, digest(defaults.without(Set.of(first))));
  }

  @Test
  void patternsCannotRunIntoEachOther() throws RuleException {
    assertNotEquals(
        digest(parse(rule("custom-old", "ab", "c"), "a.rules")),
        digest(parse(rule("custom-old", "a", "bc"), "a.rules")));
  }

  @Test
  void allowedHostsAndServerNamesChangeItButNotTheirOrder() throws RuleException {
    RuleSet rules = RuleSet.defaults();
    String none = RuleDigest.of(rules, HostAllowList.NONE);
    String two = RuleDigest.of(rules, HostAllowList.parse(List.of("192.0.2.0/24", "mon.example")));
    assertNotEquals(none, two);
    assertEquals(
        two, RuleDigest.of(rules, HostAllowList.parse(List.of("mon.example", "192.0.2.0/24"))));
    assertNotEquals(
        RuleDigest.of(rules, HostAllowList.parse(List.of(), true)),
        RuleDigest.of(rules, HostAllowList.parse(List.of(), false)),
        "--flag-loopback");
    assertNotEquals(none, digest(rules.withServerNames(List.of("www.example.jp"))));
  }

  @Test
  void trustedProxiesChangeItButNotTheirOrderOrSpelling() {
    RuleSet rules = RuleSet.defaults();
    String none = RuleDigest.of(rules, HostAllowList.NONE);
    assertEquals(none, RuleDigest.of(rules, HostAllowList.NONE, TrustedProxies.NONE));
    String two =
        RuleDigest.of(
            rules,
            HostAllowList.NONE,
            TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8::/32")));
    assertNotEquals(none, two);
    assertEquals(
        two,
        RuleDigest.of(
            rules,
            HostAllowList.NONE,
            TrustedProxies.parse(List.of("2001:DB8:0::/32,10.1.2.3/8", "10.0.0.0/8"))));
    assertNotEquals(
        two,
        RuleDigest.of(
            rules,
            HostAllowList.NONE,
            TrustedProxies.parse(List.of("10.0.0.0/16", "2001:db8::/32"))));
    assertNotEquals(
        RuleDigest.of(rules, HostAllowList.parse(List.of("10.0.0.0/8")), TrustedProxies.NONE),
        RuleDigest.of(rules, HostAllowList.NONE, TrustedProxies.parse(List.of("10.0.0.0/8"))),
        "an allowed block is not a trusted one");
  }
}
