package org.probehunt.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.probehunt.parse.Request;

/** Builds requests for tests from request lines and reads the fixture tables. */
final class Requests {
  private static final OffsetDateTime TIME = OffsetDateTime.parse("1998-11-23T19:52:17+09:00");

  private Requests() {}

  /**
   * A request from a request line such as {@code GET /x HTTP/1.0}, with optional headers; a line
   * that does not start with a method (a TLS handshake, an SSH banner) is kept whole, as the parser
   * keeps it.
   */
  static Request of(String requestLine, String userAgent, String referer, String... extras) {
    String[] parts = requestLine.split(" ", 3);
    if (!parts[0].matches("[A-Za-z]+")) {
      return new Request(
          null,
          null,
          "192.0.2.9",
          null,
          TIME,
          null,
          null,
          null,
          400,
          100L,
          referer,
          userAgent,
          List.of(extras),
          requestLine);
    }
    return new Request(
        null,
        "192.0.2.9",
        null,
        TIME,
        parts[0],
        parts.length > 1 ? parts[1] : null,
        parts.length > 2 ? parts[2] : null,
        200,
        100L,
        referer,
        userAgent,
        List.of(extras));
  }

  static Request of(String requestLine) {
    return of(requestLine, null, null);
  }

  /** Every probe the tests know: the examples that each default rule carries in its file. */
  static List<Row> probes() {
    List<Row> rows = new ArrayList<>();
    for (Rule rule : RuleSet.defaults().rules()) {
      for (RuleExample example : rule.examples()) {
        rows.add(new Row(rule.id(), example.request(), rule.id() + " | " + example.text()));
      }
    }
    return rows;
  }

  /** One fixture row: a label (rule id or category) and the request. */
  record Row(String label, Request request, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Reads {@code LABEL | REQUEST LINE | USER AGENT | REFERER | EXTRA} rows; "-" means absent. */
  static List<Row> table(String resource) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Requests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> cells = new ArrayList<>(Arrays.asList(line.split(" \\| ", -1)));
        while (cells.size() < 5) {
          cells.add("-");
        }
        cells.replaceAll(cell -> cell.strip().equals("-") ? null : cell.strip());
        String[] extras = cells.get(4) == null ? new String[0] : new String[] {cells.get(4)};
        rows.add(new Row(cells.get(0), of(cells.get(1), cells.get(2), cells.get(3), extras), line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
