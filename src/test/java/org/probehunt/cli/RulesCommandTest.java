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
import org.probehunt.testing.Cli.Outcome;

/** probehunt rules: counts per category, one category in full, and checking a user's file. */
class RulesCommandTest {
  @TempDir Path tmp;

  private static final String MINE =
      """
      rule custom-old-admin
        category     custom-local
        field        path
        match        segment
        pattern      old-admin
        description  Our admin area moved in 2015; only stale word lists ask for it.
        reference    local incident 2024-03
        example      GET /old-admin/login.php HTTP/1.1
        counterexample GET /blog/old-admin-tools HTTP/1.1
      """;

  @Test
  void countsEachCategoryOnOneLine() {
    Outcome o = probehunt("rules");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("legacy-cgi +\\d+ rules")), o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("file-inclusion +1 rule")), o.out());
    assertFalse(o.out().contains("cgi-phf"), o.out());
    assertTrue(o.out().strip().endsWith("categories"), o.out());
  }

  @Test
  void listsOneCategoryInFull() {
    Outcome o = probehunt("rules", "--category", "router-iot");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("iot-hnap"), o.out());
    assertTrue(o.out().contains("CVE-2015-2051"), o.out());
    assertFalse(o.out().contains("cgi-phf"), o.out());
    Outcome status = probehunt("rules", "--category", "secrets");
    assertTrue(status.out().contains("status 4xx"), status.out());
  }

  @Test
  void anUnknownCategoryIsAOneLineUsageError() {
    Outcome o = probehunt("rules", "--category", "routers");
    assertEquals(2, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("'routers'"), o.err());
  }

  @Test
  void checkPassesAGoodFileAndNamesTheLineOfABadExample() throws IOException {
    Path good = Files.writeString(tmp.resolve("mine.rules"), MINE);
    Outcome ok = probehunt("rules", "--check", good.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("1 rules, 2 examples"), ok.out());

    Path bad =
        Files.writeString(
            tmp.resolve("bad.rules"), MINE.replace("/blog/old-admin-tools", "/x/old-admin/y"));
    Outcome fails = probehunt("rules", "--check", bad.toString());
    assertEquals(2, fails.code());
    assertEquals(1, fails.err().strip().lines().count(), fails.err());
    assertTrue(
        fails.err().contains("bad.rules:9: rule 'custom-old-admin' flags its counterexample"),
        fails.err());

    Path bare =
        Files.writeString(
            tmp.resolve("bare.rules"), MINE.replaceAll("(?m)^  counterexample .*\\n", ""));
    Outcome missing = probehunt("rules", "--check", bare.toString());
    assertEquals(2, missing.code());
    assertTrue(
        missing.err().contains("bare.rules:1: rule 'custom-old-admin' has no counterexample"),
        missing.err());
  }

  @Test
  void aRulesFileWhoseExampleFailsIsRefusedWhenRead() throws IOException {
    Path bad =
        Files.writeString(
            tmp.resolve("bad.rules"), MINE.replace("GET /old-admin/login.php", "GET /new-admin/"));
    Outcome o = probehunt("rules", "--rules", bad.toString());
    assertEquals(2, o.code());
    assertTrue(
        o.err().contains("bad.rules:8: rule 'custom-old-admin' does not flag its example"),
        o.err());
  }
}
