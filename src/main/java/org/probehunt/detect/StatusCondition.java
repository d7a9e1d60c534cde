package org.probehunt.detect;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response status a rule requires, as written after {@code status}: a code ({@code 404}), a
 * class ({@code 4xx}), either negated with {@code !} ({@code !2xx}). A request whose log has no
 * status never meets a condition.
 *
 * @param negated whether the status must not fit {@code pattern}
 * @param pattern three characters, each a digit or {@code x} for any digit
 */
public record StatusCondition(boolean negated, String pattern) implements Serializable {
  // java.util.regex is safe here: the pattern is fixed, without nested repeats, and the input is
  // a rule file's status value, never log content.
  private static final Pattern SPEC = Pattern.compile("(!?)([1-5][0-9x][0-9x])");

  /** The condition, or empty when {@code spec} is not of the documented forms. */
  static Optional<StatusCondition> parse(String spec) {
    Matcher m = SPEC.matcher(spec.strip().toLowerCase(Locale.ROOT));
    return m.matches()
        ? Optional.of(new StatusCondition(!m.group(1).isEmpty(), m.group(2)))
        : Optional.empty();
  }

  /** Whether a logged status meets the condition. */
  public boolean test(Integer status) {
    if (status == null || status < 100 || status > 999) {
      return false;
    }
    String code = Integer.toString(status);
    boolean fits = true;
    for (int i = 0; i < 3; i++) {
      char p = pattern.charAt(i);
      fits &= p == 'x' || p == code.charAt(i);
    }
    return fits != negated;
  }

  @Override
  public String toString() {
    return (negated ? "!" : "") + pattern;
  }
}
