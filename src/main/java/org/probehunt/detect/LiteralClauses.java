package org.probehunt.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a value must contain for a regex to match it, as clauses: for each clause, one of its {@link
 * Need}s. Stronger than {@link RequiredLiterals}: it looks into groups of words, so {@code
 * ;\s*(?:wget\s+|curl\s+)} needs a ';' and also "wget" or "curl" followed by a space. A value full
 * of shell metacharacters then skips the regex: RE2/J's automaton is linear, but each ';' in the
 * value would start it on a dozen command words. Anything not understood ends a literal, so a value
 * skipped can never match.
 */
final class LiteralClauses {

  private static final int MAX_CLAUSES = 3;

  /**
   * A literal text, and when {@code follow} is not null, the characters one of which must come
   * right after it.
   */
  record Need(String text, String follow) {
    boolean in(String value) {
      for (int at = value.indexOf(text); at >= 0; at = value.indexOf(text, at + 1)) {
        int next = at + text.length();
        if (follow == null || next < value.length() && follow.indexOf(value.charAt(next)) >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  private LiteralClauses() {}

  /** The clauses of a rule regex, the fewest needs first; empty when nothing is known. */
  static List<List<Need>> of(String regex) {
    if (regex.contains("\\Q") || regex.replace("(?:", "").contains("(?")) {
      return List.of(); // flags and quoting would need their own parser
    }
    List<String> alternatives = RequiredLiterals.alternatives(regex);
    List<List<Need>> clauses = new ArrayList<>();
    if (alternatives.size() > 1) {
      List<Need> any = anyOf(alternatives);
      if (any != null) {
        clauses.add(any);
      }
    } else {
      clauses.addAll(candidates(regex));
    }
    // The most selective few, then the shortest first: checking them costs a search per need.
    List<List<Need>> best =
        clauses.stream()
            .distinct()
            .filter(c -> c.size() <= 2 || strength(c) > 1) // many single characters: little use
            .sorted(Comparator.comparingInt(LiteralClauses::strength).reversed())
            .limit(MAX_CLAUSES)
            .sorted(Comparator.comparingInt(List::size))
            .toList();
    return best;
  }

  /** One need of the best clause of each alternative, or null when one has none. */
  private static List<Need> anyOf(List<String> alternatives) {
    Set<Need> union = new LinkedHashSet<>();
    for (String alternative : alternatives) {
      List<List<Need>> found = candidates(alternative);
      if (found.isEmpty()) {
        return null;
      }
      union.addAll(found.stream().max(Comparator.comparingInt(LiteralClauses::strength)).get());
    }
    return List.copyOf(union);
  }

  /** How selective a clause is: the length of its weakest need. */
  private static int strength(List<Need> clause) {
    return clause.stream()
        .mapToInt(n -> n.text().length() + (n.follow() == null ? 0 : 1))
        .min()
        .orElse(0);
  }

  /**
   * Every clause a '|'-free sequence shows: literal runs, groups of words, words before a class.
   */
  private static List<List<Need>> candidates(String sequence) {
    List<List<Need>> found = new ArrayList<>();
    Set<String> run = Set.of(""); // texts one of which ends right here in every match
    int n = sequence.length();
    int i = 0;
    while (i < n) {
      int next = RequiredLiterals.tokenEnd(sequence, i);
      String token = sequence.substring(i, next);
      int end = next;
      boolean optional = false;
      boolean repeated = false;
      char q = end < n ? sequence.charAt(end) : 0;
      if (q == '*' || q == '?') {
        optional = true;
        end++;
      } else if (q == '+') {
        repeated = true;
        end++;
      } else if (q == '{') {
        optional = true; // a count: the token is left out, which is always safe
        int close = sequence.indexOf('}', end);
        end = close < 0 ? n : close + 1;
      }
      if (end > next && end < n && sequence.charAt(end) == '?') {
        end++; // lazy
      }
      Set<String> texts = optional ? null : TokenTexts.of(token);
      if (texts == null) {
        add(found, run, null);
        if (!optional && token.startsWith("(")) {
          List<Need> group = anyOf(RequiredLiterals.alternatives(TokenTexts.inner(token)));
          if (group != null && !TokenTexts.inner(token).isEmpty()) {
            found.add(group);
          }
        }
        run = Set.of("");
      } else if (token.startsWith("[") || token.startsWith("\\") && texts.size() > 1) {
        add(found, run, String.join("", texts)); // a class: the run, then one of its characters
        run = texts;
      } else {
        Set<String> longer = new LinkedHashSet<>();
        for (String head : run) {
          for (String tail : texts) {
            longer.add(head + tail);
          }
        }
        if (longer.size() > TokenTexts.MAX_TEXTS) {
          add(found, run, null);
          longer = texts;
        }
        run = longer;
      }
      if (repeated && texts != null) {
        add(found, run, null);
        run = texts; // after a repeat, one of its texts ends here
      }
      i = end;
    }
    add(found, run, null);
    return found;
  }

  private static void add(List<List<Need>> found, Set<String> run, String follow) {
    if (run.contains("") || follow != null && follow.isEmpty()) {
      return;
    }
    found.add(run.stream().map(t -> new Need(t, follow)).toList());
  }
}
