package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lines that are not requests, with the reason each is rejected for. */
class LineParserRejectionTest {
  private static final String T = "[02/Mar/2025:10:00:01 +0000]";
  private static final String OK = "10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 1";

  static Stream<Arguments> rejections() {
    return Stream.of(
        of("", LogFormat.COMBINED, "empty"),
        of("    ", LogFormat.COMMON, "empty"),
        of("\r", LogFormat.COMBINED, "empty"),
        of(null, LogFormat.COMBINED, "empty"),
        of("- - - " + T + " \"GET / HTTP/1.1\" 200 1", LogFormat.COMMON, "no client"),
        of(" " + OK, LogFormat.COMMON, "no client"),
        of(":443 " + OK, LogFormat.VHOST_COMBINED, "no vhost"),
        // A plain line read as vhost_combined: the address becomes the vhost, "-" the client.
        of(OK, LogFormat.VHOST_COMBINED, "no client"),
        // A vhost line read as combined: "-" sits where the time should be.
        of("www.example.com:80 " + OK, LogFormat.COMBINED, "bad time"),
        of("10.0.0.1", LogFormat.COMMON, "missing fields"),
        of("10.0.0.1 - -", LogFormat.COMMON, "missing fields"),
        of("10.0.0.1 - - " + T, LogFormat.COMMON, "missing fields"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\"", LogFormat.COMMON, "missing fields"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200", LogFormat.COMMON, "missing fields"),
        of(
            "10.0.0.1 - - [32/Foo/2025:99:99:99 +0000] \"GET / HTTP/1.1\" 200 1",
            LogFormat.COMMON,
            "bad time"),
        of(time("30/Feb/2024:10:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("29/Feb/2023:10:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("00/Mar/2025:10:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:24:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:60:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:00:60 +0000"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:00:00 +1900"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:00:00 +0160"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:00:00 0000"), LogFormat.COMMON, "bad time"),
        of(time("02/Mar/2025:10:00:00"), LogFormat.COMMON, "bad time"),
        of(time("2/Mar/2025:10:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(time("02-Mar-2025 10:00:00 +0000"), LogFormat.COMMON, "bad time"),
        of(
            "10.0.0.1 - - 02/Mar/2025:10:00:01 \"GET / HTTP/1.1\" 200 1",
            LogFormat.COMMON,
            "bad time"),
        of("10.0.0.1 - - " + T + "x \"GET / HTTP/1.1\" 200 1", LogFormat.COMMON, "bad time"),
        of("10.0.0.1 - - " + T + " GET / HTTP/1.1 200 1", LogFormat.COMMON, "bad request"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1 200 1", LogFormat.COMMON, "unterminated quote"),
        of(
            "10.0.0.1 - - " + T + " \"GET / HTTP/1.1\\\" 200 1",
            LogFormat.COMMON,
            "unterminated quote"),
        of(OK + " \"http://a/", LogFormat.COMBINED, "unterminated quote"),
        of(OK + " \"-\" \"curl\\\"", LogFormat.COMBINED, "unterminated quote"),
        of(OK + " \"-\" \"curl\" \"10.0.0.2", LogFormat.COMBINED_EXTRA, "unterminated quote"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 2OO 1", LogFormat.COMMON, "bad status"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 1000 1", LogFormat.COMMON, "bad status"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 12a", LogFormat.COMMON, "bad bytes"),
        of("10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 -5", LogFormat.COMMON, "bad bytes"),
        of(
            "10.0.0.1 - - " + T + " \"GET / HTTP/1.1\" 200 1234567890123456789",
            LogFormat.COMMON,
            "bad bytes"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void rejectsWithReason(String line, LogFormat format, String reason) {
    assertEquals(new Rejection(reason), LineParser.parse(line, format), line);
  }

  private static Arguments of(String line, LogFormat format, String reason) {
    return Arguments.of(line, format, reason);
  }

  private static String time(String text) {
    return "10.0.0.1 - - [" + text + "] \"GET / HTTP/1.1\" 200 1";
  }
}
