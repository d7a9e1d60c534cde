package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server port of vhost_combined's {@code %v:%p}, and its absence everywhere else. */
class ServerPortTest {
  private static final String REST =
      " 203.0.113.9 - - [02/Mar/2025:10:00:01 +0000] \"GET /cgi-bin/phf HTTP/1.1\" 404 196"
          + " \"-\" \"curl/8.0\"";

  private static Request parse(String line, LogFormat format) {
    ParseResult result = LineParser.parse(line, format);
    return assertInstanceOf(Request.class, result, line + " parses");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "www.example.com:443|www.example.com|443",
        "www.example.com:80|www.example.com|80",
        "www.example.com:8080|www.example.com|8080",
        "www.example.com:65535|www.example.com|65535",
        "www.example.com|www.example.com|null",
        // Apache never logs these; they are not ports, and the name keeps its old reading.
        "www.example.com:0|www.example.com|null",
        "www.example.com:65536|www.example.com|null",
        "www.example.com:4430000|www.example.com|null",
        "www.example.com:http|www.example.com:http|null",
        "192.0.2.7:443|192.0.2.7|443",
        "[2001:db8::2]:8443|[2001:db8::2]|8443",
        // A bare IPv6 address: its last group is not a port.
        "2001:db8::5|2001:db8::5|null",
      })
  void vhostCombinedKeepsTheServerPort(String prefix, String vhost, Integer port) {
    Request r = parse(prefix + REST, LogFormat.VHOST_COMBINED);
    assertEquals(vhost, r.vhost(), "vhost of " + prefix);
    assertEquals(port, r.port(), "port of " + prefix);
    assertEquals("203.0.113.9", r.host(), "client of " + prefix);
    assertEquals("/cgi-bin/phf", r.target(), "target of " + prefix);
  }

  @Test
  void formatsWithoutPortHaveNone() {
    String line = REST.strip();
    for (LogFormat format :
        new LogFormat[] {
          LogFormat.COMMON, LogFormat.COMBINED, LogFormat.NGINX_COMBINED, LogFormat.COMBINED_EXTRA
        }) {
      assertNull(parse(line, format).port(), "port read as " + format);
    }
    // A port-like number later in the line is an extra field, not the server port.
    Request extra = parse(line + " 443", LogFormat.COMBINED_EXTRA);
    assertNull(extra.port(), "an extra field is not the port");
    assertEquals(java.util.List.of("443"), extra.extras());
  }

  @Test
  void theOldConstructorLeavesThePortUnknown() {
    Request r = parse("www.example.com:443" + REST, LogFormat.VHOST_COMBINED);
    Request old =
        new Request(
            r.vhost(),
            r.host(),
            r.user(),
            r.time(),
            r.method(),
            r.target(),
            r.protocol(),
            r.status(),
            r.bytes(),
            r.referer(),
            r.userAgent(),
            r.extras());
    assertNull(old.port(), "no port given");
    assertEquals(r.vhost(), old.vhost(), "the other fields are kept");
  }
}
