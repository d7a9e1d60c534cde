package org.probehunt.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** summary.json: the run's counts as one flat JSON object, keys in a fixed order. */
public final class Summary {
  private final Map<String, Long> values = new LinkedHashMap<>();

  /** Adds a count. */
  public Summary put(String key, long value) {
    values.put(key, value);
    return this;
  }

  /** The JSON text, two-space indented, ending in a newline. */
  public byte[] toJson() {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      json.append("  ").append(quote(e.getKey())).append(": ");
      json.append(e.getValue());
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
