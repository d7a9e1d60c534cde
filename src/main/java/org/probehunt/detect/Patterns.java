package org.probehunt.detect;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Locale;

/** Preparing and checking rule patterns so that matching can use plain string comparisons. */
final class Patterns {

  private static final String REGEX_SPECIALS = "[](){}.*+?^$|";

  private Patterns() {}

  static boolean pathField(RequestPart field) {
    return field == RequestPart.PATH || field == RequestPart.UNRESOLVED_PATH;
  }

  /**
   * Lower-cases plain patterns (values are lower-cased too) and tidies the slashes of path ones.
   */
  static String prepare(RequestPart field, MatchKind kind, String pattern) {
    if (kind == MatchKind.REGEX) {
      return pattern;
    }
    String p = pattern.toLowerCase(Locale.ROOT);
    if (pathField(field) && kind == MatchKind.SEGMENT) {
      p = p.replaceAll("^/+|/+$", "");
    } else if (pathField(field) && kind == MatchKind.EXACT && p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** What is wrong with a prepared pattern, or null. */
  static String problem(RequestPart field, MatchKind kind, String pattern) {
    if (pattern.isEmpty()) {
      return "empty pattern";
    }
    if (kind == MatchKind.REGEX) {
      try {
        // Without the case flag, which RE2/J would show as a "(?i)" the user did not write.
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return "bad regex: " + e.getDescription() + " at '" + e.getPattern() + "'" + hint(e);
      }
    }
    if (pathField(field)
        && (kind == MatchKind.EXACT || kind == MatchKind.PREFIX)
        && !pattern.startsWith("/")) {
      return "a path " + kind.key() + " pattern must start with '/'";
    }
    if (pathField(field)
        && kind == MatchKind.SEGMENT
        && (pattern.contains("//") || pattern.contains("\\"))) {
      return "segment pattern has an empty segment or a backslash (write segments as a/b)";
    }
    return null;
  }

  /** Why RE2 refuses what Java's regexes take: their features that need backtracking. */
  private static String hint(PatternSyntaxException e) {
    String d = e.getDescription();
    return d.contains("Perl syntax")
            || d.contains("escape")
            || d.contains("nested repetition")
            || d.contains("named capture")
        ? " (RE2 syntax: no look-around, back-references or possessive quantifiers)"
        : "";
  }

  /** Whether a '|' outside any group or character class splits the whole regex. */
  static boolean topLevelAlternative(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiles a rule regex for RE2/J, whose matching time is linear in the value whatever the
   * pattern: a user's {@code ((a+)+)+$} or a run of ')' costs no more than a plain line.
   */
  static Pattern compile(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  /**
   * A literal every match of the regex starts with (lower-cased), so that a fast indexOf can rule
   * out most values before the regex runs; empty when the regex has no such literal.
   */
  static String literalHint(String regex) {
    if (topLevelAlternative(regex)) {
      return ""; // an alternative may start differently
    }
    StringBuilder hint = new StringBuilder();
    int i = regex.startsWith("^") ? 1 : 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      int width = 1;
      if (c == '\\') {
        if (i + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
          break;
        }
        c = regex.charAt(i + 1);
        width = 2;
      } else if (REGEX_SPECIALS.indexOf(c) >= 0) {
        break;
      }
      char next = i + width < regex.length() ? regex.charAt(i + width) : 0;
      if (next == '*' || next == '?' || next == '{') {
        break;
      }
      hint.append(c);
      if (next == '+') {
        break;
      }
      i += width;
    }
    return hint.toString().toLowerCase(Locale.ROOT);
  }
}
