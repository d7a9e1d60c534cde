package org.probehunt.detect;

import com.google.re2j.Pattern;

/**
 * A rule regex with a literal every match starts with ({@code hint}, may be empty), literals of
 * which every match contains one ({@code needs}, empty when none is known) and clauses of which
 * every match satisfies each ({@link LiteralClauses}).
 */
@SuppressWarnings("ArrayRecordComponent") // never compared; an array keeps the hot loop short
record RuleRegex(
    Pattern pattern, String hint, String[] needs, LiteralClauses.Need[][] clauses, int rule) {
  boolean mayMatch(String value) {
    if (needs.length > 0 && !anyIn(needs, value)) {
      return false;
    }
    for (LiteralClauses.Need[] clause : clauses) {
      if (!anyIn(clause, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyIn(String[] literals, String value) {
    for (String literal : literals) {
      if (value.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyIn(LiteralClauses.Need[] clause, String value) {
    for (LiteralClauses.Need need : clause) {
      if (need.in(value)) {
        return true;
      }
    }
    return false;
  }
}
