package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFilesTest {

  private static final String GOOD =
      """
      # a comment
      rule custom-a
        category     custom-local
        field        path
        match        segment
        pattern      /Old-Admin/
        pattern      admin-backup
        description  Moved years ago; only stale word lists ask for it.
        reference    local
      """;

  static RuleSet parse(String text) throws RuleException {
    return RuleSet.parse(new StringReader(text), "rules.txt");
  }

  @Test
  void readsBlocksWithRepeatedPatterns() throws RuleException {
    Rule rule = parse(GOOD).rules().get(0);
    assertEquals(
        new Rule(
            "custom-a",
            "custom-local",
            RequestPart.PATH,
            MatchKind.SEGMENT,
            List.of("old-admin", "admin-backup"),
            "Moved years ago; only stale word lists ask for it.",
            "local",
            "rules.txt:2"),
        rule);
  }

  /** Each case changes one line of GOOD (or appends one) and expects this message. */
  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          match        segment          | match        prefx          | rules.txt:5: unknown match kind 'prefx' (expected one of: exact, segment, prefix, suffix, contains, regex)
          field        path             | field        cookie         | rules.txt:4: unknown field 'cookie' (expected one of: path, unresolved_path, query, params, target, foreign_url, method, request_line, user_agent, referer, extras, headers, any, unparsed_request)
          category     custom-local     | category     travesral      | rules.txt:3: unknown category 'travesral' (expected one of: admin-panel, app-exploit, command-injection, file-inclusion, iis-worm, injection, legacy-cgi, log4shell, open-proxy, php-cms-exploit, protocol-mismatch, router-iot, scanner-ua, secrets, shellshock, traversal, webdav, webshell, or custom-NAME)
          reference    local            | referenze    local          | rules.txt:9: unknown key 'referenze' (expected one of: rule, category, field, match, pattern, description, reference, status, example, counterexample)
          reference    local            | #                           | rules.txt:2: rule 'custom-a' has no reference
          pattern      admin-backup     | pattern                     | rules.txt:7: empty pattern in rule 'custom-a'
          pattern      admin-backup     | pattern      a//b           | rules.txt:7: rule 'custom-a': segment pattern has an empty segment or a backslash (write segments as a/b)
          pattern      admin-backup     | pattern      ///            | rules.txt:7: rule 'custom-a': empty pattern
          match        segment          | match        regex          | rules.txt:6: rule 'custom-a': bad regex: missing closing ) at '(unclosed/x'
          rule custom-a                 | rule Custom A               | rules.txt:2: bad rule id 'Custom A' (expected lower-case letters, digits, '.', '_' or '-')
          match        segment          | match        exact          | rules.txt:7: rule 'custom-a': a path exact pattern must start with '/'
          category     custom-local     | # no category               | rules.txt:2: rule 'custom-a' has no category
          field        path             | field        path path      | rules.txt:4: unknown field 'path path' (expected one of: path, unresolved_path, query, params, target, foreign_url, method, request_line, user_agent, referer, extras, headers, any, unparsed_request)
          """)
  void namesFileAndLineOfEachProblem(String line, String replacement, String message) {
    String replaced = GOOD.replace(line + "\n", replacement + "\n");
    String text =
        replacement.equals("match        regex")
            ? replaced.replace("/Old-Admin/", "(unclosed/x")
            : replaced;
    String actual = assertThrows(RuleException.class, () -> parse(text)).getMessage();
    assertEquals(message, actual);
  }

  @Test
  void rejectsDuplicateIds() {
    String text = GOOD + "\n" + GOOD;
    assertEquals(
        "rules.txt:12: duplicate rule id 'custom-a' (first at line 2)",
        assertThrows(RuleException.class, () -> parse(text)).getMessage());
  }

  @Test
  void rejectsKeysBeforeAnyRule() {
    assertEquals(
        "rules.txt:1: 'field' before the first 'rule' line",
        assertThrows(RuleException.class, () -> parse("field path\n")).getMessage());
  }

  @Test
  void rejectsRepeatedSingleKeys() {
    String text =
        GOOD.replace("  field        path\n", "  field        path\n  field        query\n");
    assertEquals(
        "rules.txt:5: field given twice in rule 'custom-a'",
        assertThrows(RuleException.class, () -> parse(text)).getMessage());
  }

  @Test
  void acceptsAnEmptyFile() throws RuleException {
    assertEquals(List.of(), parse("# nothing yet\n\n").rules());
  }
}
