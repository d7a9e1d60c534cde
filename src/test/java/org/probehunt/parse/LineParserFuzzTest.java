package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random and mangled lines never make the parser throw, nor yield a request without a client. */
class LineParserFuzzTest {
  private static final Set<String> REASONS =
      Set.of(
          "empty",
          "no vhost",
          "no client",
          "missing fields",
          "bad time",
          "bad request",
          "unterminated quote",
          "bad status",
          "bad bytes",
          "w3c directive",
          "extra fields",
          "bad json",
          "other logger");
  private static final String[] SEEDS = {
    "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44",
    "www.example.com:443 203.0.113.9 - - [02/Mar/2025:10:00:01 +0000] \"GET / HTTP/1.1\" 200 512"
        + " \"-\" \"curl/8.0\"",
    "10.0.0.1 - bob [02/Mar/2025:10:00:01 -0700] \"GET /a\\\"b HTTP/1.1\" 200 5 \"-\""
        + " \"Mozilla \\\\x\" \"198.51.100.7, 10.0.0.1\" 0.123",
    "2025-10-01 00:00:01.5 10.0.0.5 GET /a.aspx id=3 443 - 2001:db8::1 Mozilla/5.0+(X11) - 200 0"
        + " 0 15",
    "2025-10-01\t00:00:01\tNRT57\t512\t192.0.2.1\tGET\td1.cloudfront.net\t/x\t404\t-\tcurl%20x",
    "https 2025-10-01T00:00:01.123456Z app/w/5 192.0.2.8:52110 10.0.1.7:80 0.1 0.0 0.0 404 404"
        + " 230 512 \"GET https://a.example:443/.env HTTP/1.1\" \"curl/8.0\" - -",
    "{\"ts\":1759276801.5,\"logger\":\"http.log.access\",\"request\":{\"client_ip\":"
        + "\"192.0.2.1\",\"method\":\"GET\",\"uri\":\"/\",\"headers\":{\"User-Agent\":"
        + "[\"x\"]}},\"status\":404,\"size\":0}",
    "1759287601.250 192.0.2.1 [01/Oct/2025:12:00:01 +0900] 2025-10-01T12:00:01+09:00 \"GET /a"
        + " HTTP/1.1\" 200 5 1759287601250",
  };

  /** Compiled formats with every kind of time, tried beside the built-ins. */
  private static final List<LogFormat> COMPILED =
      Stream.of(
              "$msec $remote_addr [$time_local] $time_iso8601 \"$request\" $status $bytes_sent",
              "%{sec}t %h %t %{%Y-%m-%dT%H:%M:%S%z}t \"%r\" %>s %b %{msec}t",
              "%{usec}t %a %{%d/%b/%Y:%T %z}t %{%F}t \"%m %U%q %H\" %s %B")
          .map(LogFormat::of)
          .toList();

  /** Characters that steer the line cursor: separators, quotes, escapes, digits, brackets. */
  private static final String ALPHABET = " \"\\[]:/-+0123456789abcNovHTTP.\r\t\u00e9\uffff{}#%,Tx";

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomTextNeverThrows(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(120);
      for (int j = 0; j < length; j++) {
        line.append(
            random.nextBoolean()
                ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                : (char) random.nextInt(0x80));
      }
      check(line.toString(), random);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void mangledLinesNeverThrow(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits && line.length() > 0; e++) {
        int at = random.nextInt(line.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(5)) {
          case 0 -> line.deleteCharAt(at);
          case 1 -> line.insert(at, c);
          case 2 -> line.setCharAt(at, c);
          // Long numbers: times, statuses and sizes beyond what any field can hold.
          case 3 -> line.insert(at, "9".repeat(1 + random.nextInt(24)));
          default -> line.setLength(at);
        }
      }
      check(line.toString(), random);
    }
  }

  private static void check(String line, Random random) {
    int choice = random.nextInt(LogFormat.values().size() + COMPILED.size());
    LogFormat format =
        choice < COMPILED.size()
            ? COMPILED.get(choice)
            : LogFormat.values().get(choice - COMPILED.size());
    ParseResult result = LineParser.parse(line, format);
    assertNotNull(result, line);
    if (result instanceof Request request) {
      assertFalse(request.host().isEmpty(), line);
      assertNotNull(request.time(), line);
      assertTrue(request.method() == null || !request.method().isEmpty(), line);
      assertTrue(request.target() == null || !request.target().isEmpty(), line);
      // The join back skips lines by this field alone, so it must agree with the full parse.
      assertEquals(request.host(), LineParser.client(line, format), line);
    } else if (result instanceof Rejection rejection) {
      assertTrue(REASONS.contains(rejection.reason()), rejection.reason());
    }
  }
}
