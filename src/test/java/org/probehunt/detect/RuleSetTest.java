package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.parse.Request;

class RuleSetTest {
  private static final RuleSet DEFAULTS = RuleSet.defaults();

  private static RuleSet parse(String text) throws RuleException {
    return RuleSet.parse(new StringReader(text), "extra.rules");
  }

  private static String rule(String id, String field, String kind, String pattern) {
    return "rule "
        + id
        + "\ncategory custom-test\nfield "
        + field
        + "\nmatch "
        + kind
        + "\npattern "
        + pattern
        + "\ndescription a test rule that explains itself\nreference test\n";
  }

  @Test
  void overrideReplacesInPlaceAndNewIdsAreAppended() throws RuleException {
    RuleSet extra =
        parse(
            rule("cgi-phf", "path", "segment", "phf-ng")
                + rule("custom-new", "query", "contains", "zzz"));
    RuleSet merged = DEFAULTS.withOverrides(extra);
    List<Rule> rules = merged.rules();
    assertEquals(DEFAULTS.rules().size() + 1, rules.size());
    assertEquals(DEFAULTS.rules().get(0).id(), rules.get(0).id(), "cgi-phf keeps its place");
    assertEquals(List.of("phf-ng"), rules.get(0).patterns());
    assertEquals("custom-new", rules.get(rules.size() - 1).id());
    assertFalse(merged.match(Requests.of("GET /cgi-bin/phf")).ruleIds().contains("cgi-phf"));
    assertEquals(List.of("cgi-phf"), merged.match(Requests.of("GET /x/phf-ng")).ruleIds());
    assertEquals(List.of("custom-new"), merged.match(Requests.of("GET /?a=zzz")).ruleIds());
  }

  @Test
  void exampleFileOverridesOneRuleAndAddsTwo() throws IOException, RuleException {
    RuleSet example;
    try (Reader in = Files.newBufferedReader(Path.of("data/example.rules"))) {
      example = RuleSet.parse(in, "example.rules");
    }
    RuleSet merged = DEFAULTS.withOverrides(example);
    assertEquals(DEFAULTS.rules().size() + 2, merged.rules().size());
    assertEquals(Detection.NONE, merged.match(Requests.of("GET /shell.php HTTP/1.1")));
    assertEquals(
        List.of("webshell-generic"), merged.match(Requests.of("GET /cmd.php HTTP/1.1")).ruleIds());
    assertEquals(
        List.of("custom-old-intranet"),
        merged.match(Requests.of("GET /Intranet-1999/staff.html HTTP/1.1")).ruleIds());
    assertEquals(
        List.of("custom-local"),
        merged.match(Requests.of("GET / HTTP/1.1", "Uptime-Checker/0.1", null)).categories());
  }

  @Test
  void disabledRulesNoLongerMatch() throws RuleException {
    RuleSet fewer = DEFAULTS.without(Set.of("cgi-phf"));
    assertEquals(DEFAULTS.rules().size() - 1, fewer.rules().size());
    assertEquals(Detection.NONE, fewer.match(Requests.of("GET /cgi-bin/phf HTTP/1.0")));
  }

  @Test
  void disablingAnUnknownIdIsAnError() {
    RuleException e =
        assertThrows(RuleException.class, () -> DEFAULTS.without(Set.of("cgi-phf", "cgi-pfh")));
    assertEquals("disabled rules: unknown rule id(s) [cgi-pfh]", e.getMessage());
  }

  @Test
  void detectionListsIdsInRuleOrderAndCategoriesOnce() {
    Request request = Requests.of("GET /scripts/..%c0%af../winnt/system32/cmd.exe?/c+dir HTTP/1.0");
    Detection d = DEFAULTS.match(request);
    assertEquals(
        List.of("iis-cmd-exe", "traversal-dot-segment", "traversal-windows-files"), d.ruleIds());
    assertEquals(List.of("iis-worm", "traversal"), d.categories());
    assertTrue(d.probe());
    assertFalse(Detection.NONE.probe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "-"})
  void requestsWithoutTargetDoNotFail(String method) {
    Request request =
        new Request(
            null,
            "h",
            null,
            null,
            method.equals("-") ? null : method,
            null,
            null,
            400,
            null,
            null,
            null,
            List.of());
    assertEquals(Detection.NONE, DEFAULTS.match(request));
  }

  @Test
  void fieldsReachOnlyTheirOwnValues() throws RuleException {
    RuleSet set =
        parse(
            rule("r-referer", "referer", "contains", "evil")
                + rule("r-extras", "extras", "exact", "203.0.113.5")
                + rule("r-line", "request_line", "regex", "^get /x http/1\\.0$")
                + rule("r-word", "user_agent", "segment", "bot"));
    assertEquals(
        List.of("r-referer"),
        set.match(Requests.of("GET /evil", "evil", "http://evil/")).ruleIds());
    assertEquals(
        List.of("r-extras"),
        set.match(Requests.of("GET /", null, null, "-", "203.0.113.5")).ruleIds());
    assertEquals(List.of("r-line"), set.match(Requests.of("GET /x HTTP/1.0")).ruleIds());
    assertEquals(
        List.of("r-word"), set.match(Requests.of("GET /", "Some-Bot/1.0", null)).ruleIds());
    assertEquals(Detection.NONE, set.match(Requests.of("GET /", "Robot/1.0", null)));
  }

  @Test
  void survivesJavaSerialisation() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(DEFAULTS);
    }
    RuleSet copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RuleSet) in.readObject();
    }
    assertEquals(DEFAULTS.rules(), copy.rules());
    assertEquals(
        List.of("cgi-phf"), copy.match(Requests.of("GET /cgi-bin/phf HTTP/1.0")).ruleIds());
  }

  @Test
  void isSafeToShareBetweenThreads() {
    List<Requests.Row> probes = Requests.probes();
    long misses =
        IntStream.range(0, 20_000)
            .parallel()
            .filter(
                i -> {
                  Requests.Row row = probes.get(i % probes.size());
                  return !DEFAULTS.match(row.request()).ruleIds().contains(row.label());
                })
            .count();
    assertEquals(0, misses);
  }
}
