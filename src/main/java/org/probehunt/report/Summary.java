package org.probehunt.report;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * summary.json: the run's counts (and a few texts, such as the probehunt version) as one JSON
 * object, keys in the order they were put; a value may itself be an object of counts, such as the
 * probes per rule.
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

  /** Adds an object of counts, its keys sorted so that equal runs write equal files. */
  public Summary put(String key, Map<String, Long> counts) {
    values.put(key, new TreeMap<>(counts));
    return this;
  }

  /** The entries in the order they were put: counts ({@link Long}), texts, objects of counts. */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /** The JSON text, two-space indented, ending in a newline. */
  public byte[] toJson() {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      json.append("  ").append(quote(e.getKey())).append(": ");
      Object value = e.getValue();
      if (value instanceof Map<?, ?> counts) {
        appendCounts(json, counts);
      } else {
        json.append(value instanceof String text ? quote(text) : String.valueOf(value));
      }
      json.append(++i < values.size() ? ",\n" : "\n");
    }
    return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A nested object, one count a line, indented one level deeper. */
  private static void appendCounts(StringBuilder json, Map<?, ?> counts) {
    if (counts.isEmpty()) {
      json.append("{}");
      return;
    }
    json.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> c : counts.entrySet()) {
      json.append("    ").append(quote((String) c.getKey())).append(": ").append(c.getValue());
      json.append(++i < counts.size() ? ",\n" : "\n");
    }
    json.append("  }");
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
