package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quote that closes a quoted field, found by indexOf, against a plain walk of the text. */
class ClosingQuoteTest {
  @Test
  void findsTheQuoteAPlainWalkFinds() {
    Random random = new Random(1998L);
    String alphabet = "\"\\ a";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String line = text.toString();
      int end = random.nextInt(line.length() + 1);
      int from = random.nextInt(end + 1);
      int expected = walk(line, from, end);
      assertEquals(
          expected, Fields.closingQuote(line, from, end), () -> line + " " + from + " " + end);
      assertEquals(
          expected,
          Fields.closingQuote(line, from, end, line.indexOf('\\', from)),
          () -> line + " " + from + " " + end);
    }
  }

  @Test
  void aLineOfManyQuotedFieldsIsReadInItsLength() {
    String many =
        "192.0.2.1 - - [02/Mar/2025:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1"
            + " \"\"".repeat(300_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int i = 0; i < 3; i++) {
            assertEquals(Request.class, LineParser.parse(many, LogFormat.COMBINED).getClass());
          }
        });
  }

  /**
   * The definition: a backslash escapes the next character; a quote closes before a space or the
   * end.
   */
  private static int walk(String line, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' && (i + 1 == end || line.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }
}
