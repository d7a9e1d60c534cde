package org.probehunt.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Combined-format lines made to cost a line parser, a URL normaliser or a regex engine the most per
 * byte: long runs of one character, deep nesting, thousands of percent escapes, dot-segment runs
 * and long query strings, each beside a normal line to compare with.
 */
public final class PathologicalLines {
  /** The kind every other one is compared with. */
  /**
   * A user rule whose regex, nested quantifiers, takes exponential time on a backtracking engine:
   * {@code a...a!} in a target; its example and counterexample hold on any engine.
   */
  public static final String CATASTROPHIC_RULE =
      """
      rule custom-many-a
        category     custom-local
        field        target
        match        regex
        pattern      ((a+)+)+$
        description  Nested quantifiers: exponential on a backtracking engine.
        reference    local
        example      GET /q?s=aaaa HTTP/1.1
        counterexample GET /q?s=aaab HTTP/1.1
      """;

  public static final String NORMAL = "normal";

  private static final String HEAD = "198.51.100.7 - - [23/Nov/1998:19:52:17 +0900] \"GET ";
  private static final String TAIL =
      " HTTP/1.1\" 404 209 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

  private PathologicalLines() {}

  /**
   * One line of each kind, its pathological part about {@code size} characters; {@code n} makes the
   * target differ from line to line (so that no per-value cache answers for the matcher).
   */
  public static Map<String, String> of(int size, int n) {
    String id = "/" + n;
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put(NORMAL, line(id + "/blog/2024/05/post.html?utm_source=news&page=" + n));
    // injection-sql-union once took time quadratic in a run of ')' before a SQL keyword.
    lines.put("run of ')'", line(id + "/item.php?id=1" + ")".repeat(size) + "select"));
    lines.put("run of '/'", line(id + "/".repeat(size) + "x"));
    lines.put("run of 'a'", line(id + "/q?s=" + "a".repeat(size) + "!"));
    lines.put("run of '%'", line(id + "/" + "%".repeat(size)));
    lines.put("nesting '(((('", line(id + "/q?x=" + "(".repeat(size) + "sleep(5"));
    lines.put("%25 escapes", line(id + "/" + "%25".repeat(size / 3)));
    lines.put("%252e escapes", line(id + "/" + "%252e".repeat(size / 5)));
    lines.put("%2e%2e%2f escapes", line(id + "/" + "%2e%2e%2f".repeat(size / 9) + "etc/passwd"));
    lines.put("'/./' run", line(id + "/" + "./".repeat(size / 2) + "x"));
    lines.put("'../' run", line(id + "/a/" + "../".repeat(size / 3) + "etc/passwd"));
    lines.put("query string", line(id + "/search.php?" + query(size)));
    lines.put("shell metacharacters", line(id + "/cgi?c=" + ";|`$(&&".repeat(size / 7) + "wget"));
    return lines;
  }

  private static String line(String target) {
    return HEAD + target + TAIL;
  }

  /** An ordinary-looking query of about {@code size} characters: many short parameters. */
  private static String query(int size) {
    StringBuilder q = new StringBuilder(size + 16);
    for (int i = 0; q.length() < size; i++) {
      q.append(i == 0 ? "" : "&").append("field").append(i).append("=value+").append(i * 7919);
    }
    return q.toString();
  }
}
