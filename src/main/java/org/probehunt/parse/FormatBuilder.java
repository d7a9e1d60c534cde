package org.probehunt.parse;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a format's literals and fields in order for {@link FormatLanguage}, and checks the
 * whole.
 */
final class FormatBuilder {
  private final List<String> literals = new ArrayList<>();
  private final List<Directive> directives = new ArrayList<>();
  private final List<DateTimeFormatter> patterns = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private StringBuilder literal = new StringBuilder();

  void literal(char c) {
    literal.append(c);
  }

  void field(Directive directive, DateTimeFormatter pattern, String name) {
    int last = directives.size() - 1;
    if (last >= 0
        && literal.length() == 0
        && directive == Directive.QUERY
        && directives.get(last) == Directive.PATH) {
      directives.set(last, Directive.URI); // %U%q: the path and query as sent
      return;
    }
    if (!directives.isEmpty() && literal.length() == 0) {
      throw new FormatException(
          "log format needs a separator between " + names.get(names.size() - 1) + " and " + name);
    }
    literals.add(literal.toString());
    literal = new StringBuilder();
    directives.add(directive);
    patterns.add(pattern);
    names.add(name);
  }

  @SuppressWarnings("OrphanedFormatString") // %h is a LogFormat directive named to the user
  CompiledFormat build() {
    literals.add(literal.toString());
    if (directives.stream().noneMatch(FormatBuilder::isClient)) {
      throw new FormatException("log format has no client (%h, %a or $remote_addr)");
    }
    if (directives.stream().noneMatch(d -> d.name().startsWith("TIME_"))) {
      throw new FormatException("log format has no time (%t or $time_local)");
    }
    return new CompiledFormat(
        literals.toArray(String[]::new),
        directives.toArray(Directive[]::new),
        patterns.toArray(DateTimeFormatter[]::new));
  }

  private static boolean isClient(Directive d) {
    return d == Directive.CLIENT_ADDRESS || d == Directive.CLIENT_HOST || d == Directive.PEER;
  }
}
