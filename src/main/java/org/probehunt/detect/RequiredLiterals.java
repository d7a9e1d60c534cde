package org.probehunt.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Literal texts a regex cannot match without, so that a cheap {@code contains} skips the regex on
 * most values: RE2/J's automaton is linear but slower per character than a string search. The
 * analysis is conservative — anything it does not understand ends a literal — so a value it skips
 * can never match.
 */
final class RequiredLiterals {

  private RequiredLiterals() {}

  /**
   * One lower-cased ASCII literal per top-level alternative, each contained in every match of its
   * alternative; empty when some alternative has none (the regex must then run on every value).
   */
  static List<String> of(String regex) {
    if (regex.contains("\\Q")) {
      return List.of(); // quoted text would need its own parser; rare enough to run always
    }
    List<String> found = new ArrayList<>();
    for (String alternative : alternatives(regex)) {
      String longest = longestRun(alternative);
      if (longest.isEmpty()) {
        return List.of();
      }
      found.add(longest);
    }
    return List.copyOf(found);
  }

  /** The regex split at each '|' outside groups and character classes. */
  static List<String> alternatives(String regex) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '|') {
        parts.add(regex.substring(start, i));
        start = ++i;
      } else {
        i = tokenEnd(regex, i);
      }
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /** The longest run of plain characters that every match of a '|'-free regex contains. */
  private static String longestRun(String regex) {
    String best = "";
    StringBuilder run = new StringBuilder();
    int n = regex.length();
    int i = 0;
    while (i < n) {
      char c = regex.charAt(i);
      int next = tokenEnd(regex, i);
      char literal = 0;
      if (c == '\\' && next == i + 2 && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
        literal = regex.charAt(i + 1);
      } else if (next == i + 1 && "[](){}.^$*+?|".indexOf(c) < 0) {
        literal = c;
      }
      // A quantifier after the token: optional ones drop it, repeated ones end the run after it.
      int end = next;
      boolean optional = false;
      boolean repeated = false;
      if (end < n && (regex.charAt(end) == '*' || regex.charAt(end) == '?')) {
        optional = true;
        end++;
      } else if (end < n && regex.charAt(end) == '+') {
        repeated = true;
        end++;
      } else if (end < n && regex.charAt(end) == '{') {
        int close = regex.indexOf('}', end);
        String min = close < 0 ? "" : regex.substring(end + 1, close).split(",", -1)[0];
        if (!min.isEmpty() && min.chars().allMatch(d -> d >= '0' && d <= '9')) {
          optional = Integer.parseInt(min.length() > 4 ? "1" : min) == 0;
          repeated = !optional;
          end = close + 1;
        } else {
          literal = 0; // not a repeat count: stay on the safe side
        }
      }
      if (end > next && end < n && regex.charAt(end) == '?') {
        end++; // lazy
      }
      if (literal >= ' ' && literal < 127 && !optional) {
        run.append(literal);
      }
      if (literal < ' ' || literal >= 127 || optional || repeated) {
        best = run.length() > best.length() ? run.toString() : best;
        run.setLength(0);
      }
      i = end;
    }
    best = run.length() > best.length() ? run.toString() : best;
    return best.toLowerCase(Locale.ROOT);
  }

  /** The index after the token at {@code i}: an escape, a character class, a group or one char. */
  static int tokenEnd(String regex, int i) {
    int n = regex.length();
    char c = regex.charAt(i);
    if (c == '\\' && i + 1 < n) {
      char e = regex.charAt(i + 1);
      if ("xpP".indexOf(e) >= 0 && i + 2 < n && regex.charAt(i + 2) == '{') {
        int close = regex.indexOf('}', i);
        return close < 0 ? n : close + 1;
      }
      int end = i + 1;
      while (end < n && end < i + 4 && regex.charAt(end) >= '0' && regex.charAt(end) <= '9') {
        end++;
      }
      if (end > i + 1) {
        return end; // an octal code: its digits are no literals
      }
      int width = e == 'x' ? 4 : e == 'p' || e == 'P' ? 3 : 2;
      return Math.min(n, i + width);
    }
    if (c == '[') {
      return classEnd(regex, i);
    }
    if (c == '(') {
      return groupEnd(regex, i);
    }
    return i + 1;
  }

  private static int groupEnd(String regex, int open) {
    int depth = 0;
    int j = open;
    while (j < regex.length()) {
      char g = regex.charAt(j);
      if (g == '(') {
        depth++;
        j++;
      } else if (g == ')') {
        if (--depth == 0) {
          return j + 1;
        }
        j++;
      } else if (g == '\\' || g == '[') {
        j = tokenEnd(regex, j); // escapes and classes may hold parentheses
      } else {
        j++;
      }
    }
    return regex.length();
  }

  /** The index after the character class opening at {@code open}; RE2's [[:space:]] included. */
  private static int classEnd(String regex, int open) {
    int n = regex.length();
    int i = open + 1;
    if (i < n && regex.charAt(i) == '^') {
      i++;
    }
    if (i < n && regex.charAt(i) == ']') {
      i++; // a ']' first in a class is itself
    }
    while (i < n) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (regex.startsWith("[:", i) && regex.indexOf(":]", i + 2) > 0) {
        i = regex.indexOf(":]", i + 2) + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return n;
  }
}
