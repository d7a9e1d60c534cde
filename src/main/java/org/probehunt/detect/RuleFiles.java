package org.probehunt.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the rule file format documented at the top of {@code default.rules}. */
final class RuleFiles {

  /** Categories of the shipped rules; anything else must start with {@code custom-}. */
  static final Set<String> CATEGORIES =
      Set.of(
          "legacy-cgi",
          "iis-worm",
          "traversal",
          "secrets",
          "admin-panel",
          "php-cms-exploit",
          "app-exploit",
          "router-iot",
          "shellshock",
          "log4shell",
          "webshell",
          "injection",
          "open-proxy",
          "scanner-ua",
          "command-injection",
          "file-inclusion",
          "webdav",
          "protocol-mismatch");

  private static final List<String> KEYS =
      List.of("category", "field", "match", "pattern", "description", "reference");
  private static final List<String> OPTIONAL_KEYS = List.of("status", "example", "counterexample");
  // Fixed patterns of one repeat each, run on rule file text, never on log content: linear in
  // java.util.regex too. The rules' own regexes go to RE2/J (Patterns.compile).
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern CUSTOM = Pattern.compile("custom-[a-z0-9][a-z0-9-]*");

  private RuleFiles() {}

  static List<Rule> parse(Reader reader, String source) throws RuleException {
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    Map<String, String> values = null;
    List<String> patterns = new ArrayList<>();
    List<Integer> patternLines = new ArrayList<>();
    List<RuleExample> examples = new ArrayList<>();
    List<RuleExample> counterexamples = new ArrayList<>();
    String id = null;
    int idLine = 0;
    int lineNo = 0;
    try (BufferedReader lines = new BufferedReader(reader)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] kv = text.split("\\s+", 2);
        String key = kv[0];
        String value = kv.length > 1 ? kv[1] : "";
        if (key.equals("rule")) {
          if (id != null) {
            rules.add(
                build(
                    id, values, patterns, patternLines, examples, counterexamples, source, idLine));
          }
          if (!ID.matcher(value).matches()) {
            throw RuleException.at(
                source,
                lineNo,
                "bad rule id '"
                    + value
                    + "' (expected lower-case letters, digits, '.', '_' or '-')");
          }
          Integer earlier = firstLine.putIfAbsent(value, lineNo);
          if (earlier != null) {
            throw RuleException.at(
                source,
                lineNo,
                "duplicate rule id '" + value + "' (first at line " + earlier + ")");
          }
          id = value;
          idLine = lineNo;
          values = new LinkedHashMap<>();
          patterns = new ArrayList<>();
          patternLines = new ArrayList<>();
          examples = new ArrayList<>();
          counterexamples = new ArrayList<>();
        } else if (!KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
          throw RuleException.at(
              source,
              lineNo,
              "unknown key '"
                  + key
                  + "' (expected one of: rule, "
                  + String.join(", ", KEYS)
                  + ", "
                  + String.join(", ", OPTIONAL_KEYS)
                  + ")");
        } else if (id == null) {
          throw RuleException.at(source, lineNo, "'" + key + "' before the first 'rule' line");
        } else if (value.isEmpty()) {
          throw RuleException.at(source, lineNo, "empty " + key + " in rule '" + id + "'");
        } else if (key.equals("pattern")) {
          patterns.add(value);
          patternLines.add(lineNo);
        } else if (key.equals("example") || key.equals("counterexample")) {
          RuleExample example;
          try {
            example = RuleExample.parse(value, lineNo);
          } catch (IllegalArgumentException e) {
            throw RuleException.at(source, lineNo, "rule '" + id + "': " + e.getMessage());
          }
          (key.equals("example") ? examples : counterexamples).add(example);
        } else if (values.putIfAbsent(key, value) != null) {
          throw RuleException.at(source, lineNo, key + " given twice in rule '" + id + "'");
        } else {
          check(key, value, source, lineNo);
        }
      }
    } catch (IOException e) {
      throw new RuleException(source + ":" + lineNo + ": cannot read: " + e.getMessage());
    }
    if (id != null) {
      rules.add(
          build(id, values, patterns, patternLines, examples, counterexamples, source, idLine));
    }
    return rules;
  }

  private static void check(String key, String value, String source, int line)
      throws RuleException {
    if (key.equals("category") && !CATEGORIES.contains(value) && !CUSTOM.matcher(value).matches()) {
      throw RuleException.at(
          source,
          line,
          "unknown category '"
              + value
              + "' (expected one of: "
              + String.join(", ", CATEGORIES.stream().sorted().toList())
              + ", or custom-NAME)");
    }
    if (key.equals("field") && RequestPart.byKey(value).isEmpty()) {
      throw RuleException.at(
          source,
          line,
          "unknown field '" + value + "' (expected one of: " + RequestPart.keys() + ")");
    }
    if (key.equals("match") && MatchKind.byKey(value).isEmpty()) {
      throw RuleException.at(
          source,
          line,
          "unknown match kind '" + value + "' (expected one of: " + MatchKind.keys() + ")");
    }
    if (key.equals("status") && StatusCondition.parse(value).isEmpty()) {
      throw RuleException.at(
          source,
          line,
          "bad status '"
              + value
              + "' (expected a code like 404, a class like 4xx, or either after '!', like !2xx)");
    }
  }

  private static Rule build(
      String id,
      Map<String, String> values,
      List<String> raw,
      List<Integer> rawLines,
      List<RuleExample> examples,
      List<RuleExample> counterexamples,
      String source,
      int line)
      throws RuleException {
    for (String key : KEYS) {
      if (!values.containsKey(key) && !(key.equals("pattern") && !raw.isEmpty())) {
        throw RuleException.at(source, line, "rule '" + id + "' has no " + key);
      }
    }
    RequestPart field = RequestPart.byKey(values.get("field")).orElseThrow();
    MatchKind kind = MatchKind.byKey(values.get("match")).orElseThrow();
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String pattern = Patterns.prepare(field, kind, raw.get(i));
      String problem = Patterns.problem(field, kind, pattern);
      if (problem != null) {
        throw RuleException.at(source, rawLines.get(i), "rule '" + id + "': " + problem);
      }
      patterns.add(pattern);
    }
    StatusCondition status =
        values.containsKey("status")
            ? StatusCondition.parse(values.get("status")).orElseThrow()
            : null;
    return new Rule(
        id,
        values.get("category"),
        field,
        kind,
        patterns,
        values.get("description"),
        values.get("reference"),
        source + ":" + line,
        status,
        examples,
        counterexamples);
  }
}
