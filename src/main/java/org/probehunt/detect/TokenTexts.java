package org.probehunt.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The exact texts one token of a rule regex can match, for the literal prefilters. */
final class TokenTexts {
  /** Cap on the texts a group of words or a class of characters expands into. */
  static final int MAX_TEXTS = 64;

  private TokenTexts() {}

  /** A group's inside, without its parentheses and a {@code ?:}. */
  static String inner(String group) {
    String body = group.substring(1, group.length() - 1);
    return body.startsWith("?:") ? body.substring(2) : body;
  }

  /**
   * The exact texts a token matches, lower-cased (values are), or null: a plain or escaped
   * character, a small class of characters, or a group whose alternatives are all plain words.
   */
  static Set<String> of(String token) {
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
                  : of(word.substring(i, next));
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
