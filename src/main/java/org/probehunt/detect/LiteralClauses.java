package org.probehunt.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  /** Cap on the texts a group of words or a class of characters expands into. */
  private static final int MAX_TEXTS = 64;

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
      Set<String> texts = optional ? null : texts(token);
      if (texts == null) {
        add(found, run, null);
        if (!optional && token.startsWith("(")) {
          List<Need> group = anyOf(RequiredLiterals.alternatives(inner(token)));
          if (group != null && !inner(token).isEmpty()) {
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
        if (longer.size() > MAX_TEXTS) {
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

  private static String inner(String group) {
    String body = group.substring(1, group.length() - 1);
    return body.startsWith("?:") ? body.substring(2) : body;
  }

  /**
   * The exact texts a token matches, lower-cased (values are), or null: a plain or escaped
   * character, a small class of characters, or a group whose alternatives are all plain words.
   */
  private static Set<String> texts(String token) {
    char c = token.charAt(0);
    if (token.length() == 1) {
      return "[](){}.^$*+?|".indexOf(c) >= 0 ? null : Set.of(lower(c));
    }
    if (c == '\\') {
      return escape(token);
    }
    if (c == '[') {
      return charClass(token);
    }
    if (c == '(' && token.endsWith(")") && !token.startsWith("(?") || token.startsWith("(?:")) {
      Set<String> words = new LinkedHashSet<>();
      for (String word : RequiredLiterals.alternatives(inner(token))) {
        Set<String> all = Set.of("");
        for (int i = 0; i < word.length(); ) {
          int next = RequiredLiterals.tokenEnd(word, i);
          Set<String> part =
              next < word.length() && "*+?{".indexOf(word.charAt(next)) >= 0
                  ? null
                  : texts(word.substring(i, next));
          if (part == null || all.size() * part.size() > MAX_TEXTS) {
            return null;
          }
          Set<String> longer = new LinkedHashSet<>();
          all.forEach(h -> part.forEach(t -> longer.add(h + t)));
          all = longer;
          i = next;
        }
        words.addAll(all);
      }
      return words.contains("") || words.size() > MAX_TEXTS ? null : words;
    }
    return null;
  }

  private static Set<String> escape(String token) {
    char e = token.charAt(1);
    if (token.length() != 2) {
      return null;
    }
    return switch (e) {
      case 's' -> new LinkedHashSet<>(List.of(" ", "\t", "\n", "\f", "\r")); // in this order
      case 'v' -> Set.of("\u000b");
      case 't' -> Set.of("\t");
      case 'n' -> Set.of("\n");
      case 'r' -> Set.of("\r");
      case 'f' -> Set.of("\f");
      default -> Character.isLetterOrDigit(e) ? null : Set.of(lower(e));
    };
  }

  /** The characters of a class such as {@code [\s\v+]} or {@code [0-7]}; null if negated or big. */
  private static Set<String> charClass(String token) {
    if (token.startsWith("[^") || token.contains("[:") || !token.endsWith("]")) {
      return null;
    }
    Set<String> chars = new LinkedHashSet<>();
    String body = token.substring(1, token.length() - 1);
    for (int i = 0; i < body.length(); ) {
      Set<String> one;
      int next;
      if (body.charAt(i) == '\\') {
        next = Math.min(body.length(), i + 2);
        one = escape(body.substring(i, next));
      } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        next = i + 3;
        one = new LinkedHashSet<>();
        for (char r = body.charAt(i); r <= body.charAt(i + 2) && one.size() <= MAX_TEXTS; r++) {
          one.add(lower(r));
        }
      } else {
        next = i + 1;
        one = Set.of(lower(body.charAt(i)));
      }
      if (one == null) {
        return null;
      }
      chars.addAll(one);
      i = next;
    }
    return chars.isEmpty() || chars.size() > 16 ? null : chars;
  }

  private static String lower(char c) {
    return String.valueOf(c).toLowerCase(Locale.ROOT);
  }
}
