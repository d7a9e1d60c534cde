package org.probehunt.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.List;

/**
 * JSON access logs, one object per line: Caddy's ({@code caddy_json}), nginx's {@code log_format
 * ... escape=json} with variable names as keys ({@code nginx_json}) and Traefik's ({@code
 * traefik_json}); see {@link JsonEntry} for the keys read. Read with Jackson's streaming parser. A
 * line of another logger in the same file (Caddy writes {@code tls} and {@code admin} events there)
 * is rejected as {@code other logger}; a line that is no JSON object as {@code bad json}. Empty
 * strings and {@code "-"} count as absent.
 */
final class JsonLayout implements LineLayout {
  static final JsonLayout INSTANCE = new JsonLayout();
  static final Rejection BAD_JSON = new Rejection("bad json");
  static final Rejection OTHER_LOGGER = new Rejection("other logger");

  /** Thread-safe once configured; parsers made from it are per line. */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

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
      JsonEntry entry = entry(line);
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
    JsonEntry entry = entry(line);
    return entry == null ? BAD_JSON : entry.result();
  }

  /** The entry of a line holding one JSON object, or null when it holds something else. */
  private static JsonEntry entry(String line) {
    String text = line.indexOf("\\x") < 0 ? line : rawBytesEscaped(line);
    JsonEntry entry = new JsonEntry();
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      object(json, entry, 0);
      return json.nextToken() == null ? entry : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Walks one object: 0 the entry, 1 Caddy's request, 2 its headers; others are skipped. */
  private static void object(JsonParser json, JsonEntry entry, int level) throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.START_OBJECT) {
        if ((level == 0 && key.equals("request")) || (level == 1 && key.equals("headers"))) {
          object(json, entry, level + 1);
        } else {
          json.skipChildren();
        }
      } else if (value == JsonToken.START_ARRAY) {
        String joined = level == 2 ? strings(json) : skipped(json);
        if (joined != null) {
          entry.header(key, joined);
        }
      } else if (value != JsonToken.VALUE_NULL) {
        String text = json.getText();
        if (!text.isEmpty() && !text.equals("-")) {
          switch (level) {
            case 0 -> entry.top(key, text);
            case 1 -> entry.request(key, text);
            default -> entry.header(key, text);
          }
        }
      }
    }
  }

  /** The strings of an array joined by ", ", or null when it has none. */
  private static String strings(JsonParser json) throws IOException {
    String first = null; // most headers have one value: no builder for them
    StringBuilder joined = null;
    JsonToken token;
    while ((token = json.nextToken()) != JsonToken.END_ARRAY && token != null) {
      if (token.isStructStart()) {
        json.skipChildren();
      } else if (token == JsonToken.VALUE_STRING) {
        if (first == null) {
          first = json.getText();
        } else {
          joined = (joined == null ? new StringBuilder(first) : joined).append(", ");
          joined.append(json.getText());
        }
      }
    }
    return joined != null ? joined.toString() : first;
  }

  private static String skipped(JsonParser json) throws IOException {
    json.skipChildren();
    return null;
  }

  /**
   * The line with each {@code \xhh} that the line reader wrote for a raw byte turned into {@code
   * \\xhh}, which JSON reads back as the same text. Inside a JSON string every backslash starts an
   * escape, so pairs are copied as they are.
   */
  private static String rawBytesEscaped(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(c);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        out.append(next == 'x' ? "\\x" : String.valueOf(next));
      }
    }
    return out.toString();
  }
}
