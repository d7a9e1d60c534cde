package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.Request;

/** The default rule for TLS, SSH and binary sent to a plain-HTTP port, on parsed log lines. */
class HandshakeRuleTest {
  private static final RuleSet DEFAULTS = RuleSet.defaults();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03|handshake-on-http",
        "\\x16\\x03\\x01 \\x02\\x00|handshake-on-http",
        "SSH-2.0-Go|handshake-on-http",
        "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3|handshake-on-http",
        "\\x03\\x00\\x00/*\\xe0\\x00\\x00\\x00\\x00\\x00Cookie:"
            + " mstshash=Administr|handshake-on-http",
        "-|",
        "GET / HTTP/1.1|",
        "GET|",
        "sshd-check /x HTTP/1.1|",
        "\\x22GET / HTTP/1.1|"
      })
  void flagsHandshakesOnly(String requestField, String rule) {
    String line = "192.0.2.1 - - [01/Oct/2025:12:00:01 +0900] \"" + requestField + "\" 400 226";
    Request request =
        assertInstanceOf(Request.class, LineParser.parse(line, LogFormat.COMMON), line);
    assertEquals(
        rule == null ? List.of() : List.of(rule),
        DEFAULTS.match(request).ruleIds().stream()
            .filter(id -> id.equals("handshake-on-http"))
            .toList(),
        line);
  }
}
