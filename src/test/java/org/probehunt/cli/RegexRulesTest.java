package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.testing.Cli.Outcome;

/** A user's regex that RE2 cannot run is a one-line error naming file and line, exit 2. */
class RegexRulesTest {
  @TempDir Path tmp;

  private static String rule(String pattern) {
    return """
        # a rule of our own
        rule custom-agent
          category     custom-local
          field        user_agent
          match        regex
          pattern      PATTERN
          description  A tool only our attackers use.
          reference    local
          example      GET / HTTP/1.1 | agent: xtool/1.0
          counterexample GET / HTTP/1.1 | agent: curl/8.0
        """
        .replace("PATTERN", pattern);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xtool(?=/)", "(x)tool/\\1", "xtool/\\d++"})
  void aRegexRe2CannotTakeStopsRunAndCheckWithTheFileAndLine(String pattern) throws IOException {
    Path file = Files.writeString(tmp.resolve("mine.rules"), rule(pattern));
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    Files.writeString(
        logs.resolve("access_log"),
        "192.0.2.1 - - [23/Nov/1998:19:52:17 +0900] \"GET / HTTP/1.0\" 200 5 \"-\" \"xtool/1.0\"\n");
    Path out = tmp.resolve("out");
    for (Outcome o :
        new Outcome[] {
          probehunt("rules", "--check", file.toString()),
          probehunt("run", "--rules", file.toString(), "--out", out.toString(), logs.toString())
        }) {
      assertEquals(2, o.code(), o.toString());
      assertEquals(1, o.err().strip().lines().count(), o.err());
      assertTrue(o.err().contains(file + ":6: rule 'custom-agent': bad regex: "), o.err());
      assertTrue(o.err().contains("RE2 syntax: no look-around, back-references"), o.err());
      assertFalse(o.err().contains("\tat "), o.err());
    }
    assertFalse(Files.exists(out.resolve("hosts.csv")), "no reports for a refused rule file");
  }

  @Test
  void theSameRuleInRe2SyntaxIsTaken() throws IOException {
    Path file = Files.writeString(tmp.resolve("mine.rules"), rule("xtool(?:/)"));
    Outcome o = probehunt("rules", "--check", file.toString());
    assertEquals(0, o.code(), o.toString());
  }
}
