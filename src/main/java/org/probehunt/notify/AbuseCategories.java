package org.probehunt.notify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Rule categories to AbuseIPDB category numbers (https://www.abuseipdb.com/categories). A rule
 * category matches a row when one of its words starts with the row's word, e.g. "path-traversal"
 * matches "traversal" and "sqli" matches "sql" (whole words, so "brute-force" is not taken for
 * "rce"); every probe is at least a Web App Attack (21).
 */
final class AbuseCategories {
  /** One row of the table: a word and the categories it stands for. */
  private record Mapping(String word, List<Integer> codes) {}

  /** What parts a category's words. */
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  static final int PORT_SCAN = 14;
  static final int HACKING = 15;
  static final int SQL_INJECTION = 16;
  static final int BRUTE_FORCE = 18;
  static final int BAD_WEB_BOT = 19;
  static final int WEB_APP_ATTACK = 21;

  private static final List<Mapping> TABLE =
      List.of(
          // Looking for known vulnerable scripts and services: a scan, and an attack on web apps.
          new Mapping("scan", List.of(PORT_SCAN, WEB_APP_ATTACK)),
          new Mapping("probe", List.of(PORT_SCAN, WEB_APP_ATTACK)),
          new Mapping("recon", List.of(PORT_SCAN)),
          // Scanner or exploit-kit user agents.
          new Mapping("agent", List.of(BAD_WEB_BOT)),
          new Mapping("bot", List.of(BAD_WEB_BOT)),
          new Mapping("crawler", List.of(BAD_WEB_BOT)),
          // Attempts to run something or read files through the web server.
          new Mapping("traversal", List.of(WEB_APP_ATTACK)),
          new Mapping("exploit", List.of(WEB_APP_ATTACK, HACKING)),
          new Mapping("rce", List.of(WEB_APP_ATTACK, HACKING)),
          new Mapping("shell", List.of(WEB_APP_ATTACK, HACKING)),
          new Mapping("webshell", List.of(WEB_APP_ATTACK, HACKING)),
          new Mapping("lfi", List.of(WEB_APP_ATTACK)),
          new Mapping("rfi", List.of(WEB_APP_ATTACK)),
          new Mapping("inclusion", List.of(WEB_APP_ATTACK)),
          new Mapping("xss", List.of(WEB_APP_ATTACK)),
          new Mapping("cgi", List.of(WEB_APP_ATTACK)),
          new Mapping("sql", List.of(SQL_INJECTION, WEB_APP_ATTACK)),
          // Password guessing on login pages.
          new Mapping("brute", List.of(BRUTE_FORCE)),
          new Mapping("login", List.of(BRUTE_FORCE)),
          new Mapping("credential", List.of(BRUTE_FORCE)));

  /**
   * The category numbers of each rule category met so far: a run's hosts share the few categories
   * of its rules, and the words of each are looked up once.
   */
  private static final Map<String, List<Integer>> BY_CATEGORY = new ConcurrentHashMap<>();

  private AbuseCategories() {}

  /** The sorted category numbers for a host's rule categories; never empty. */
  static List<Integer> of(Collection<String> ruleCategories) {
    TreeSet<Integer> codes = new TreeSet<>();
    codes.add(WEB_APP_ATTACK);
    for (String category : ruleCategories) {
      codes.addAll(BY_CATEGORY.computeIfAbsent(category, AbuseCategories::codes));
    }
    return List.copyOf(codes);
  }

  /** The category numbers the words of one rule category stand for. */
  private static List<Integer> codes(String category) {
    TreeSet<Integer> codes = new TreeSet<>();
    for (String word : NOT_WORD.split(category.toLowerCase(Locale.ROOT), -1)) {
      for (Mapping m : TABLE) {
        if (!word.isEmpty() && word.startsWith(m.word())) {
          codes.addAll(m.codes());
        }
      }
    }
    return List.copyOf(codes);
  }
}
