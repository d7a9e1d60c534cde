package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probehunt.bench.PathologicalLines;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.Request;

/**
 * Lines written to cost the most — a catastrophic user regex, runs of one character, thousands of
 * escapes — are parsed and matched in time linear in their length: each would take minutes with a
 * backtracking engine or a quadratic normaliser, and takes well under a second here.
 */
class WorstCaseLinesTest {
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  private static Request parse(String line) {
    return assertInstanceOf(Request.class, LineParser.parse(line, LogFormat.COMBINED), line);
  }

  @Test
  void aCatastrophicUserRegexEndsQuickly() throws RuleException {
    RuleSet mine =
        RuleSet.parse(new StringReader(PathologicalLines.CATASTROPHIC_RULE), "mine.rules");
    String head = "198.51.100.7 - - [23/Nov/1998:19:52:17 +0900] \"GET /q?s=";
    String tail = " HTTP/1.1\" 404 209 \"-\" \"-\"";
    String as = "a".repeat(50_000);
    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          assertFalse(mine.match(parse(head + as + "!" + tail)).probe());
          assertTrue(mine.match(parse(head + as + tail)).probe(), "the rule does run");
        });
  }

  @Test
  void pathologicalLinesOfHalfAMegabyteAreParsedAndMatchedQuickly() {
    RuleSet rules = RuleSet.defaults();
    // At this length injection-sql-union's old backtracking on ')' alone took minutes.
    Map<String, String> lines = PathologicalLines.of(500_000, 1);
    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          for (String line : lines.values()) {
            rules.match(parse(line));
          }
        });
    assertTrue(rules.match(parse(lines.get("'../' run"))).probe(), "traversal still flagged");
    assertTrue(rules.match(parse(lines.get("%2e%2e%2f escapes"))).probe(), "encoded traversal");
    assertFalse(rules.match(parse(lines.get(PathologicalLines.NORMAL))).probe());
  }
}
