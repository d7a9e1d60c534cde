package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples, counterexamples and status conditions as a user writes them in a rule file. */
class RuleExamplesTest {

  private static final String RULE =
      """
      # lines are counted from this one
      rule custom-missing-admin
        category     custom-local
        field        path
        match        segment
        status       4xx
        pattern      old-admin
        description  Our admin area moved in 2015; only stale word lists ask for it.
        reference    local incident 2024-03
        example      GET /old-admin/login.php HTTP/1.1 | status: 404 | agent: curl/8.0
        counterexample GET /old-admin/login.php HTTP/1.1 | status: 200
        counterexample GET /blog/old-admin-tools HTTP/1.1 | status: 404
      """;

  static RuleSet parse(String text) throws RuleException {
    return RuleSet.parse(new StringReader(text), "mine.rules");
  }

  @Test
  void readsExamplesWithTheirLinesAndParts() throws RuleException {
    Rule rule = parse(RULE).rules().get(0);
    assertEquals("4xx", rule.statusText());
    assertEquals(1, rule.examples().size());
    RuleExample example = rule.examples().get(0);
    assertEquals(10, example.line());
    assertEquals("GET", example.request().method());
    assertEquals("/old-admin/login.php", example.request().target());
    assertEquals("HTTP/1.1", example.request().protocol());
    assertEquals(404, example.request().status());
    assertEquals("curl/8.0", example.request().userAgent());
    assertEquals(2, rule.counterexamples().size());
  }

  @Test
  void aFileWhoseExamplesHoldPassesTheCheck() throws RuleException {
    parse(RULE).checkExamples(true);
  }

  @Test
  void anExampleTheRuleMissesIsReportedAtItsLine() {
    String text = RULE.replace("| status: 404 | agent", "| status: 200 | agent");
    assertEquals(
        "mine.rules:10: rule 'custom-missing-admin' does not flag its example: GET"
            + " /old-admin/login.php HTTP/1.1 | status: 200 | agent: curl/8.0",
        assertThrows(RuleException.class, () -> parse(text).checkExamples(true)).getMessage());
  }

  @Test
  void aCounterexampleTheRuleFlagsIsReportedAtItsLine() {
    String text = RULE.replace("/blog/old-admin-tools", "/blog/old-admin");
    assertEquals(
        "mine.rules:12: rule 'custom-missing-admin' flags its counterexample: GET"
            + " /blog/old-admin HTTP/1.1 | status: 404",
        assertThrows(RuleException.class, () -> parse(text).checkExamples(true)).getMessage());
  }

  @Test
  void aRuleWithoutExamplesFailsTheCheckButNotTheLoading() throws RuleException {
    String text = RULE.replaceAll("(?m)^  (counter)?example .*\\n", "");
    RuleSet rules = parse(text);
    rules.checkExamples(false);
    assertEquals(
        "mine.rules:2: rule 'custom-missing-admin' has no example (every rule needs a request it"
            + " flags and a near miss it does not)",
        assertThrows(RuleException.class, () -> rules.checkExamples(true)).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          status       4xx            | status       40x4     | mine.rules:6: bad status '40x4' (expected a code like 404, a class like 4xx, or either after '!', like !2xx)
          status       4xx            | status       2xx 4xx  | mine.rules:6: bad status '2xx 4xx' (expected a code like 404, a class like 4xx, or either after '!', like !2xx)
          HTTP/1.1 ## status: 404 ## agent: curl/8.0 | HTTP/1.1 ## status: teapot | mine.rules:10: rule 'custom-missing-admin': bad example status 'teapot' (expected e.g. 404)
          HTTP/1.1 ## status: 404 ## agent: curl/8.0 | HTTP/1.1 ## cookie: a=b | mine.rules:10: rule 'custom-missing-admin': unknown example key 'cookie' (expected one of: agent, referer, extra, status, vhost, client)
          HTTP/1.1 ## status: 404 ## agent: curl/8.0 | HTTP/1.1 ## curl | mine.rules:10: rule 'custom-missing-admin': expected 'key: value' after '##', not 'curl' (keys: agent, referer, extra, status, vhost, client)
          """)
  void namesTheLineOfABadStatusOrExample(String from, String to, String message) {
    String text = RULE.replace(from.replace("##", "|"), to.replace("##", "|"));
    assertEquals(
        message.replace("##", "|"),
        assertThrows(RuleException.class, () -> parse(text)).getMessage());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "404, 404, true",
    "404, 403, false",
    "4xx, 403, true",
    "4xx, 200, false",
    "!2xx, 304, true",
    "!2xx, 204, false",
    "!2xx, , false",
    "5x3, 503, true",
    "5x3, 500, false"
  })
  void statusConditions(String spec, Integer status, boolean met) {
    assertEquals(met, StatusCondition.parse(spec).orElseThrow().test(status));
  }

  @Test
  void searchParametersAreLeftOutOfParams() {
    assertEquals("page=2", Normalizer.target("/find?q=%3Bid&page=2").params());
    assertEquals("page=2&sort=a", Normalizer.target("/find?page=2&s=x&sort=a").params());
    assertEquals("", Normalizer.target("/find?q=chmod+777").params());
    assertEquals("id=1 and 2", Normalizer.target("/item?id=1+and+2").params());
    assertEquals("id=1;id", Normalizer.target("/item?id=1;id&Search=information_schema").params());
  }

  @Test
  void anAbsoluteUrlNamingTheSiteItselfIsNotAProxyProbe() throws RuleException {
    RuleSet rules = RuleSet.defaults();
    RuleSet named = rules.withServerNames(List.of("Example.JP."));
    String site = "GET http://www.example.jp/news?id=3 HTTP/1.1";
    assertTrue(proxy(rules, site));
    assertFalse(proxy(named, site));
    assertFalse(proxy(rules, site + " | vhost: example.jp"));
    assertFalse(
        proxy(rules, "GET https://user@WWW.example.jp:443/ HTTP/1.1 | vhost: www.example.jp"));
    assertTrue(proxy(named, "GET http://www.example.jp.evil.example/ HTTP/1.1"));
    assertTrue(proxy(rules, "GET http://198.51.100.7/ HTTP/1.1 | vhost: www.example.jp"));
    assertThrows(RuleException.class, () -> rules.withServerNames(List.of("bad name")));
  }

  @Test
  void theSiteNamesSurviveOverridesAndDisabling() throws RuleException {
    RuleSet named =
        RuleSet.defaults()
            .withServerNames(List.of("www.example.jp"))
            .withOverrides(parse(RULE))
            .without(java.util.Set.of("cgi-phf"));
    assertFalse(proxy(named, "GET http://www.example.jp/ HTTP/1.1"));
  }

  @Test
  void urlHosts() {
    assertEquals("example.jp", RuleIndex.urlHost("http://a:b@Example.JP:8080/x"));
    assertEquals("[2001:db8::1]", RuleIndex.urlHost("http://[2001:db8::1]:80/"));
    assertEquals("example.jp", RuleIndex.urlHost("http://example.jp?x"));
    assertEquals(null, RuleIndex.urlHost("/x"));
  }

  private static boolean proxy(RuleSet rules, String example) {
    return rules
        .match(RuleExample.parse(example, 1).request())
        .ruleIds()
        .contains("proxy-absolute-uri");
  }
}
