package org.probehunt.parse;

import java.util.List;

/**
 * JSON access logs, one object per line: Caddy's ({@code caddy_json}), nginx's {@code log_format
 * ... escape=json} with variable names as keys ({@code nginx_json}) and Traefik's ({@code
 * traefik_json}); see {@link JsonEntry} for the keys read and {@link JsonScanner} for how. A line
 * of another logger in the same file (Caddy writes {@code tls} and {@code admin} events there) is
 * rejected as {@code other logger}; a line that is no JSON object as {@code bad json}. Empty
 * strings and {@code "-"} count as absent.
 */
final class JsonLayout implements LineLayout {
  static final JsonLayout INSTANCE = new JsonLayout();
  static final Rejection BAD_JSON = new Rejection("bad json");
  static final Rejection OTHER_LOGGER = new Rejection("other logger");

  private JsonLayout() {}

  /**
   * The JSON format of a file whose first lines are {@code sample}, or null when the first line
   * that is not blank is no JSON object or no line is an entry of a known server.
   */
  static LogFormat detect(List<String> sample) {
    int[] kinds = new int[JsonEntry.Kind.values().length];
    boolean first = true;
    boolean otherLoggers = false;
    for (String line : sample) {
      if (line == null || line.isBlank()) {
        continue;
      }
      if (first && !line.stripLeading().startsWith("{")) {
        return null;
      }
      first = false;
      JsonEntry entry = JsonScanner.entry(line);
      ParseResult result = entry == null ? BAD_JSON : entry.result();
      if (result instanceof Request) {
        kinds[entry.kind.ordinal()]++;
      }
      otherLoggers |= result == OTHER_LOGGER;
    }
    int best = 0;
    for (int i = 1; i < kinds.length; i++) {
      best = kinds[i] > kinds[best] ? i : best;
    }
    if (kinds[best] == 0) {
      return otherLoggers ? LogFormat.CADDY_JSON : null;
    }
    return switch (JsonEntry.Kind.values()[best]) {
      case CADDY -> LogFormat.CADDY_JSON;
      case NGINX -> LogFormat.NGINX_JSON;
      case TRAEFIK -> LogFormat.TRAEFIK_JSON;
    };
  }

  @Override
  public ParseResult parse(String line) {
    if (line.isBlank()) {
      return LineParser.EMPTY;
    }
    JsonEntry entry = JsonScanner.entry(line);
    return entry == null ? BAD_JSON : entry.result();
  }
}
