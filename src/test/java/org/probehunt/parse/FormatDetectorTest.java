package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each format is recognised from a few sample lines; nothing is found in junk. */
class FormatDetectorTest {
  private static final String T = "[02/Mar/2025:10:00:01 +0000]";
  private static final String COMMON_1 =
      "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44";
  private static final String COMMON_2 =
      "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -";
  private static final String COMBINED_1 =
      "203.0.113.9 - - " + T + " \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"";
  private static final String COMBINED_2 =
      "203.0.113.9 - - " + T + " \"GET /x HTTP/1.1\" 304 - \"http://a/\" \"Mozilla/5.0\"";
  private static final String NGINX_1 =
      "198.51.100.4 - - " + T + " \"GET /?q=\\x22x HTTP/1.1\" 404 153 \"-\" \"Go-http-client/1.1\"";
  private static final String NGINX_2 = "198.51.100.4 - - " + T + " \"\" 400 0 \"-\" \"-\"";
  private static final String APACHE_QUOTE =
      "203.0.113.9 - - " + T + " \"GET /a\\\"b HTTP/1.1\" 404 0 \"-\" \"x\"";

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(List.of(COMMON_1, COMMON_2), "common"),
        Arguments.of(List.of(COMBINED_1, COMBINED_2), "combined"),
        // Mostly combined lines with one stray common one: the majority wins.
        Arguments.of(List.of(COMBINED_1, COMBINED_2, COMBINED_1, COMMON_1), "combined"),
        Arguments.of(List.of(COMMON_1, COMMON_2, COMMON_1, COMBINED_1), "common"),
        Arguments.of(
            List.of("www.example.com:443 " + COMBINED_1, "www.example.com " + COMBINED_2),
            "vhost_combined"),
        Arguments.of(
            List.of("www.example.com " + COMBINED_1, "www.example.com " + COMMON_1), "vhost"),
        Arguments.of(
            List.of(
                T + " 203.0.113.9 TLSv1.3 TLS_AES_256_GCM_SHA384 \"GET / HTTP/1.1\" 512",
                T + " 2001:db8::7 TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 \"GET /.env HTTP/1.1\" -"),
            "ssl_request_log"),
        Arguments.of(List.of(NGINX_1, COMBINED_1), "nginx_combined"),
        Arguments.of(List.of(NGINX_2, COMBINED_1), "nginx_combined"),
        Arguments.of(List.of(NGINX_1, APACHE_QUOTE, COMBINED_2), "combined"),
        Arguments.of(
            List.of(COMBINED_1 + " \"198.51.100.7, 10.0.0.1\" 0.123", COMBINED_2 + " \"-\" 0.004"),
            "combined_extra"),
        Arguments.of(List.of("", "garbage", COMMON_1, "[error] something"), "common"),
        Arguments.of(List.of(), null),
        Arguments.of(List.of("", "  ", "<html>", "2025-03-02 10:00:01 GET / 200"), null),
        Arguments.of(Arrays.asList(null, "junk"), null));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void detects(List<String> sample, String label) {
    assertEquals(
        Optional.ofNullable(label).flatMap(LogFormat::byLabel),
        FormatDetector.detect(sample, List.of()),
        String.join("\n", sample.stream().map(String::valueOf).toList()));
  }
}
