package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.probehunt.bench.BenchLines;

/**
 * The scanner against Jackson's streaming parser, walked the same way: on well-formed lines of
 * every JSON server, on hand-made edge cases and on thousands of damaged lines, both must find the
 * same entry or both must refuse the line.
 */
class JsonScannerTest {
  private static final JsonFactory JACKSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

  /** Characters that matter to JSON, and some that do not. */
  private static final String NOISE = "{}[]\":,\\ \t\r\n0123456789.-+eEtrufalsnx/bé\u0001\u2028";

  @Test
  void readsWhatJacksonReadsOnEdgeCases() {
    List<String> cases =
        List.of(
            "{}",
            " \t{ } \r\n",
            "{\"remote_addr\":\"192.0.2.1\",\"time_local\":\"01/Oct/2025:10:00:01 +0900\"}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":1759276801.5,\"status\":404}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":-0,\"status\":4e2}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":01}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":1.}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":.5}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":1e}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":1E+9,\"x\":-}",
            "{\"remote_addr\":true,\"status\":false,\"request\":null}",
            "{\"remote_addr\":tru}",
            "{\"remote_addr\":nulls}",
            "{\"request\":\"GET /\\u00e9\\/a\\\\b\\\"c\\b\\f\\n\\r\\t HTTP/1.1\"}",
            "{\"request\":\"GET /\\uD83D\\uDE00 \\uDE00\"}",
            "{\"request\":\"\\u12\"}",
            "{\"request\":\"\\q\"}",
            "{\"request\":\"\\x16\\x03\",\"remote_addr\":\"192.0.2.1\",\"msec\":\"1\"}",
            "{\"request\":\"raw \u0001 control\",\"remote_addr\":\"192.0.2.1\",\"msec\":\"1\"}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{\"a\" 1}",
            "{\"a\":[1,]}",
            "{\"a\":[1,[2,{\"b\":[]}],{}],\"c\":{\"d\":{\"e\":null}}}",
            "{\"a\":{\"b\":1,}}",
            "{\"a\":{\"b\":1}}}",
            "{\"a\":\u000c1}",
            "{\"request\":{\"client_ip\":\"192.0.2.9\",\"headers\":{\"User-Agent\":[\"a\",1,"
                + "{\"x\":[2]},\"b\",null],\"Referer\":[],\"X-Real-IP\":\"192.0.2.8\"}},"
                + "\"ts\":1759276801,\"logger\":\"http.log.access\"}",
            "{\"request\":{\"headers\":{\"A\":[\"x\"],\"B\":[\"\"],\"C\":[\"-\"]}},\"ts\":1}",
            "[1,2]",
            "\"text\"",
            "{} {}",
            "{\"a\":\"unterminated}",
            "{\"a\":\"ends in a backslash\\",
            "{\"k\\u0065y\":\"escaped key\"}",
            "{\"request\":{\"client\\u005fip\":\"192.0.2.9\",\"HEADERS\":{\"a\":[\"b\"]},"
                + "\"headers\":{\"USER-agent\":[\"x\"],\"x-forwarded-FOR\":\"192.0.2.7\","
                + "\"Re\\u0066erer\":[\"r\"]}},\"ts\":1,\"http_x_real_ip\":\"192.0.2.5\","
                + "\"http_User_Agent\":\"y\",\"request_X-Real-IP\":\"192.0.2.4\"}",
            "{\"remote_addr\":\"192.0.2.1\",\"msec\":\"1\",\"htt\":\"x\",\"http_\":\"y\","
                + "\"request_\":\"z\",\"request_a\":\"w\",\"Status\":\"200\",\"status\":\"-\"}",
            "{\"a\":1}\u00a0");
    for (String line : cases) {
      assertSame(line);
    }
  }

  @Test
  void findsKeysInAnyCaseOrEscapeAndHeadersAtEitherLevel() {
    JsonEntry entry =
        JsonScanner.entry(
            "{\"request\":{\"client\\u005fip\":\"192.0.2.9\",\"remote_port\":\"1\","
                + "\"headers\":{\"USER-agent\":[\"x\"],\"x-forwarded-FOR\":\"192.0.2.7\","
                + "\"Re\\u0066erer\":[\"r\"]}},\"ts\":1,\"http_x_real_ip\":\"192.0.2.5\","
                + "\"http_User_Agent\":\"y\",\"request_X-Real-IP\":\"192.0.2.4\",\"Status\":\"500\"}");
    assertNotNull(entry);
    assertEquals(JsonEntry.Kind.CADDY, entry.kind);
    assertEquals("192.0.2.9", entry.client);
    assertEquals("x", entry.userAgent);
    assertEquals("r", entry.referer);
    assertEquals("192.0.2.7", entry.forwardedFor);
    assertEquals("192.0.2.4", entry.realIp, "the last header naming the client wins");
    // Headers other than the user agent and referer are extras, in the order of the line; keys
    // are case-sensitive, so "Status" is not the status.
    assertEquals(List.of("192.0.2.7", "192.0.2.5", "y", "192.0.2.4"), entry.extras);
    assertNull(entry.status);
  }

  @Test
  void readsWhatJacksonReadsOnEveryServersLinesAndTheirDamage() {
    Random random = new Random(19981123L);
    List<String> lines = new ArrayList<>();
    for (String kind : List.of("caddy_json", "nginx_json")) {
      lines.addAll(List.of(BenchLines.of(kind, 300, 7L)));
    }
    lines.addAll(
        List.of(
            JsonLogTest.CADDY_ACCESS,
            JsonLogTest.CADDY_TLS,
            JsonLogTest.NGINX,
            JsonLogTest.NGINX_HANDSHAKE,
            JsonLogTest.TRAEFIK));
    int refused = 0;
    for (String line : lines) {
      assertNotNull(JsonScanner.entry(line), line);
      assertSame(line);
      for (int i = 0; i < 20; i++) {
        String damaged = damage(line, random);
        refused += JsonScanner.entry(damaged) == null ? 1 : 0;
        assertSame(damaged);
      }
    }
    // The damage is real: many damaged lines are no JSON any more, and many still are.
    int damaged = lines.size() * 20;
    assertEquals(
        true, refused > damaged / 10 && refused < damaged * 9 / 10, refused + "/" + damaged);
  }

  @Test
  void deepNestingIsRefusedInLinearTime() {
    String deep =
        "{\"a\":"
            + "[".repeat(JsonScanner.MAX_DEPTH + 5)
            + "]".repeat(JsonScanner.MAX_DEPTH + 5)
            + "}";
    assertNull(JsonScanner.entry(deep));
    String allowed =
        "{\"a\":"
            + "[".repeat(JsonScanner.MAX_DEPTH - 1)
            + "]".repeat(JsonScanner.MAX_DEPTH - 1)
            + "}";
    assertNotNull(JsonScanner.entry(allowed));
    assertSame(deep);
    assertSame(allowed);
    // A megabyte of escapes, of short strings and of open containers each read in one pass.
    String escapes = "{\"request\":\"" + "\\n".repeat(500_000) + "\"}";
    String strings = "{\"a\":[" + "\"\",".repeat(300_000) + "\"\"]}";
    String open = "{\"a\":" + "[".repeat(1_000_000) + "}";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 5; i++) {
            assertNotNull(JsonScanner.entry(escapes));
            assertNotNull(JsonScanner.entry(strings));
            assertNull(JsonScanner.entry(open));
          }
        });
  }

  private static void assertSame(String line) {
    JsonEntry ours = JsonScanner.entry(line);
    JsonEntry theirs = jackson(line);
    assertEquals(theirs == null, ours == null, () -> "refused by one of them: " + line);
    if (ours != null) {
      assertEquals(theirs.result(), ours.result(), line);
      assertEquals(theirs.kind, ours.kind, line);
    }
  }

  /** One to three random edits: a character removed, put in or changed, or the line cut. */
  private static String damage(String line, Random random) {
    StringBuilder out = new StringBuilder(line);
    for (int edits = 1 + random.nextInt(3); edits > 0 && out.length() > 0; edits--) {
      int at = random.nextInt(out.length());
      char c = NOISE.charAt(random.nextInt(NOISE.length()));
      switch (random.nextInt(4)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, c);
        case 2 -> out.setCharAt(at, c);
        default -> out.setLength(at);
      }
    }
    return out.toString();
  }

  // The reference: Jackson's streaming parser, walked as the scanner walks.

  private static JsonEntry jackson(String line) {
    String text = rawBytesEscaped(line);
    JsonEntry entry = new JsonEntry();
    try (JsonParser json = JACKSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      object(json, entry, 0);
      return json.nextToken() == null ? entry : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void object(JsonParser json, JsonEntry entry, int level) throws IOException {
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.START_OBJECT) {
        if (level == 0 && key.equals("request")) {
          entry.caddyRequest();
          object(json, entry, level + 1);
        } else if (level == 1 && key.equals("headers")) {
          object(json, entry, level + 1);
        } else {
          json.skipChildren();
        }
      } else if (value == JsonToken.START_ARRAY) {
        if (level == 2) {
          String joined = strings(json);
          if (joined != null) {
            entry.header(JsonKeys.header(key, 0, key.length()), joined);
          }
        } else {
          json.skipChildren();
        }
      } else if (value != JsonToken.VALUE_NULL) {
        String text = json.getText();
        if (!text.isEmpty() && !text.equals("-")) {
          switch (level) {
            case 0 -> top(entry, key, text);
            case 1 -> {
              JsonKeys.InRequest known = JsonKeys.IN_REQUEST.find(key, 0, key.length());
              if (known != null) {
                entry.request(known, text);
              }
            }
            default -> entry.header(JsonKeys.header(key, 0, key.length()), text);
          }
        }
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("no end of object");
    }
  }

  private static void top(JsonEntry entry, String key, String text) {
    JsonKeys.Top known = JsonKeys.TOP.find(key, 0, key.length());
    if (known != null) {
      entry.top(known, text);
    } else {
      entry.other(key, text);
    }
  }

  private static String strings(JsonParser json) throws IOException {
    List<String> values = new ArrayList<>();
    JsonToken token;
    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException("no end of array");
      } else if (token.isStructStart()) {
        json.skipChildren();
      } else if (token == JsonToken.VALUE_STRING) {
        values.add(json.getText());
      }
    }
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /** Each {@code \xhh} of the line reader made {@code \\xhh}, which JSON reads back as it was. */
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
