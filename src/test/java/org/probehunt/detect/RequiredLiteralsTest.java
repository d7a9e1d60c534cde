package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probehunt.parse.Request;

class RequiredLiteralsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void findsTheLongestLiteralOfEachAlternative(String regex, List<String> literals) {
    assertEquals(literals, RequiredLiterals.of(regex));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("/count\\.cgi\\?[^ ]{200,}", List.of("/count.cgi?")),
        arguments("(?:^|&)phpinfo=", List.of("phpinfo=")),
        arguments("(?:^|[=:\\s\\v\"',;&(])RO0AB", List.of("ro0ab")),
        arguments(";[\\s\\v+]*id(?:[\\s\\v+;|&`)]|$)", List.of("id")),
        arguments(
            "(?:['\")\\d]|--)\\s*union\\s+select\\b|union\\s+(?:all\\s+)?select",
            List.of("select", "select")),
        arguments("ab+c", List.of("ab")),
        arguments("ab*c", List.of("a")),
        arguments("a{0,3}bcd{2}e", List.of("bcd")),
        arguments("[]|]x|y", List.of("x", "y")),
        arguments("\\x41bc", List.of("bc")),
        arguments("\\x{ad}bc", List.of("bc")),
        arguments("\\pLbc", List.of("bc")),
        arguments("\\012xy", List.of("xy")),
        arguments("[[:space:]]ab", List.of("ab")),
        arguments("a|(b)", List.of()),
        arguments("((a+)+)+$", List.of()),
        arguments("\\Qab\\E", List.of()));
  }

  /** Each literal must occur in every match: values without it are skipped unmatched. */
  @Test
  void everyDefaultRegexMatchContainsOneOfItsLiterals() {
    int checked = 0;
    for (Rule rule : RuleSet.defaults().rules()) {
      if (rule.kind() != MatchKind.REGEX) {
        continue;
      }
      for (String regex : rule.patterns()) {
        List<String> needs = RequiredLiterals.of(regex);
        Pattern pattern = Patterns.compile(regex);
        for (RuleExample example : rule.examples()) {
          for (String value : values(example)) {
            Matcher m = pattern.matcher(value);
            while (m.find()) {
              String match = m.group();
              assertTrue(
                  needs.isEmpty() || needs.stream().anyMatch(match::contains),
                  regex + " matched '" + match + "' without any of " + needs);
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 30, "too few examples matched a regex: " + checked);
  }

  /** The decoded values of an example request that rules look at. */
  private static List<String> values(RuleExample example) {
    Request r = example.request();
    Normalizer.Target t = Normalizer.target(r.target());
    String line =
        Normalizer.requestLine(
            Normalizer.method(r.method()), t.decoded(), Normalizer.protocol(r.protocol()));
    List<String> values = new ArrayList<>();
    r.extras().forEach(extra -> values.add(Decoding.value(extra, false)));
    values.addAll(
        Arrays.asList(t.path(), t.unresolvedPath(), t.query(), t.params(), t.decoded(), line));
    values.add(Decoding.value(r.userAgent(), false));
    values.add(Decoding.value(r.referer(), false));
    values.add(Decoding.value(r.requestLine(), false));
    values.removeIf(v -> v == null);
    return values;
  }
}
