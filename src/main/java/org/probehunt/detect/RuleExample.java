package org.probehunt.detect;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.parse.Request;
import org.probehunt.parse.RequestLine;

/**
 * A request written in a rule file to show what the rule flags ({@code example}) or must leave
 * alone ({@code counterexample}): the request line as logged, then optional {@code | key: value}
 * parts for {@code agent}, {@code referer}, {@code extra} (repeatable), {@code status}, {@code
 * vhost} and {@code client}.
 *
 * @param text the value as written in the file
 * @param line its line in the file
 * @param request the request it describes
 */
public record RuleExample(String text, int line, Request request) implements Serializable {
  private static final OffsetDateTime TIME = OffsetDateTime.parse("2024-01-01T00:00:00Z");
  static final String KEYS = "agent, referer, extra, status, vhost, client";

  /** Reads an example value; throws with the problem (no file or line) when it is malformed. */
  static RuleExample parse(String text, int line) throws IllegalArgumentException {
    String[] parts = text.split(" \\| ", -1);
    String agent = null;
    String referer = null;
    String vhost = null;
    String client = "192.0.2.1";
    Integer status = 200;
    List<String> extras = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int colon = part.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "expected 'key: value' after '|', not '" + part + "' (keys: " + KEYS + ")");
      }
      String key = part.substring(0, colon).strip();
      String value = part.substring(colon + 1).strip();
      switch (key) {
        case "agent" -> agent = value;
        case "referer" -> referer = value;
        case "extra" -> extras.add(value);
        case "vhost" -> vhost = value;
        case "client" -> client = value;
        case "status" -> status = status(value);
        default ->
            throw new IllegalArgumentException(
                "unknown example key '" + key + "' (expected one of: " + KEYS + ")");
      }
    }
    // Read as the log parsers read a request field, so a handshake example is what a log gives.
    RequestLine requestLine = RequestLine.of(parts[0].strip());
    Request request =
        new Request(
            vhost,
            null,
            client,
            null,
            TIME,
            requestLine.method(),
            requestLine.target(),
            requestLine.protocol(),
            status,
            0L,
            referer,
            agent,
            extras,
            requestLine.raw());
    return new RuleExample(text, line, request);
  }

  private static Integer status(String value) {
    if (value.equals("-")) {
      return null;
    }
    if (!value.matches("[1-5][0-9][0-9]")) {
      throw new IllegalArgumentException("bad example status '" + value + "' (expected e.g. 404)");
    }
    return Integer.valueOf(value);
  }
}
