package org.probehunt.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * summary.json: the run's counts (and a few texts, such as the probehunt version) as one flat JSON
 * object, keys in the order they were put.
 */
public final class Summary {
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Adds a count. */
  public Summary put(String key, long value) {
    values.put(key, value);
    return this;
  }

  /** Adds a text, e.g. {@code put("version", ProbehuntVersion.current())}; null is JSON null. */
  public Summary put(String key, String value) {
    values.put(key, value);
    return this;
  }

  /** The entries in the order they were put: counts as {@link Long}, texts as {@link String}. */
  public Map<String, Object> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The JSON text, two-space indented, ending in a newline. */
  public byte[] toJson() {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      json.append("  ").append(quote(e.getKey())).append(": ");
      Object value = e.getValue();
      json.append(value instanceof String text ? quote(text) : String.valueOf(value));
      json.append(++i < values.size() ? ",\n" : "\n");
    }
    return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    StringBuilder q = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
