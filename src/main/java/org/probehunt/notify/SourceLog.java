package org.probehunt.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.ParseResult;
import org.probehunt.parse.Request;

/**
 * The evidence lines of the one host an X-ARF report is about, and what they say of the server
 * side: the ports the requests came in on (only vhost_combined logs them) and the transport.
 *
 * @param lines the host's first lines, in evidence order, as many whole lines as fit in an X-ARF
 *     evidence item ({@link XarfJson#MAX_EVIDENCE_BYTES} once escaped and CRLF-terminated)
 * @param total the number of the host's lines
 * @param ports the distinct logged server ports, the most used first (ties: lower first)
 * @param transport {@code tcp}, {@code udp} when every request was HTTP/3 (QUIC), or {@code mixed}
 *     when both occur
 */
record SourceLog(List<String> lines, long total, List<Integer> ports, String transport) {
  SourceLog {
    lines = List.copyOf(lines);
    ports = List.copyOf(ports);
  }

  /**
   * Picks the lines of {@code host} out of a draft's evidence, which holds every host of the
   * contact. Each line is read as vhost_combined and else as combined, which also covers common,
   * nginx and extra-field lines: the two readings exclude each other, as a vhost line read as
   * combined has its client where the time belongs, and a plain line read as vhost_combined has "-"
   * for its client. The evidence is read once, as a stream; only the lines an X-ARF report can
   * quote are kept.
   */
  static SourceLog of(Iterable<String> evidence, String host) {
    List<String> lines = new ArrayList<>();
    long total = 0;
    long bytes = 0;
    boolean full = false;
    Map<Integer, Long> portCounts = new TreeMap<>();
    boolean tcp = false;
    boolean udp = false;
    for (String line : evidence) {
      Request r = request(line, LogFormat.VHOST_COMBINED);
      if (r == null) {
        r = request(line, LogFormat.COMBINED);
      }
      if (r == null || !r.host().equalsIgnoreCase(host)) {
        continue;
      }
      total++;
      if (!full) {
        long size = XarfJson.rowBytes(line);
        full = bytes + size > XarfJson.MAX_EVIDENCE_BYTES;
        if (!full) {
          lines.add(line);
          bytes += size;
        }
      }
      if (r.port() != null) {
        portCounts.merge(r.port(), 1L, Long::sum);
      }
      boolean quic = r.protocol() != null && r.protocol().regionMatches(true, 0, "HTTP/3", 0, 6);
      tcp |= !quic;
      udp |= quic;
    }
    List<Integer> ports =
        portCounts.entrySet().stream()
            .sorted(
                Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    String transport = udp && tcp ? "mixed" : udp ? "udp" : "tcp";
    return new SourceLog(lines, total, ports, transport);
  }

  /** The port most of the host's requests came in on, or null when the log has none. */
  Integer port() {
    return ports.isEmpty() ? null : ports.get(0);
  }

  private static Request request(String line, LogFormat format) {
    ParseResult result = LineParser.parse(line, format);
    return result instanceof Request r ? r : null;
  }
}
