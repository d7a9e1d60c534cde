package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Picking one host's lines out of a contact's evidence, and what they say of the server. */
class SourceLogTest {
  private static final String T = " - - [02/Mar/2025:10:00:01 +0000] ";
  private static final String GET = "\"GET /.env HTTP/1.1\" 404 0";

  @Test
  void onlyTheHostsLinesInEveryFormat() {
    List<String> evidence =
        List.of(
            "192.0.2.1" + T + "\"GET /phf\" 404 -",
            "192.0.2.10" + T + GET,
            "www.example.com:80 192.0.2.1" + T + GET + " \"-\" \"-\"",
            "192.0.2.1" + T + GET + " \"-\" \"curl/8.0\" \"198.51.100.7\" 0.1",
            "not a log line at all",
            "www.example.com:80 192.0.2.10" + T + GET + " \"-\" \"-\"");
    SourceLog log = SourceLog.of(evidence, "192.0.2.1");
    assertEquals(List.of(evidence.get(0), evidence.get(2), evidence.get(3)), log.lines());
    assertEquals(List.of(80), log.ports(), "only the vhost line logs a port");
  }

  @Test
  void portsByUseThenNumber() {
    String v = " 192.0.2.1" + T + GET + " \"-\" \"-\"";
    SourceLog log =
        SourceLog.of(
            List.of(
                "a.example:8443" + v,
                "a.example:443" + v,
                "a.example:8080" + v,
                "a.example:8443" + v,
                "a.example:443" + v),
            "192.0.2.1");
    assertEquals(List.of(443, 8443, 8080), log.ports());
    assertEquals(443, log.port(), "the port most requests came in on, the lower on a tie");
    assertNull(
        SourceLog.of(List.of("192.0.2.1" + T + GET), "192.0.2.1").port(),
        "combined logs have no port");
  }

  @Test
  void http3IsUdp() {
    String quic = "192.0.2.1" + T + "\"GET /.env HTTP/3\" 404 0";
    String tcp = "192.0.2.1" + T + GET;
    assertEquals("udp", SourceLog.of(List.of(quic), "192.0.2.1").transport());
    assertEquals("mixed", SourceLog.of(List.of(quic, tcp), "192.0.2.1").transport());
    assertEquals("tcp", SourceLog.of(List.of(tcp), "192.0.2.1").transport());
    assertEquals(
        "tcp",
        SourceLog.of(List.of(), "192.0.2.1").transport(),
        "HTTP before version 3 runs on TCP");
  }

  @Test
  void hostNamesMatchWhateverTheirCase() {
    SourceLog log = SourceLog.of(NoticeFixtures.GUIDE_LINES, "surf.wil.net");
    assertEquals(NoticeFixtures.GUIDE_LINES, log.lines());
    assertEquals(List.of(), log.ports());
  }
}
