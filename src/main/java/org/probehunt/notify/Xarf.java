package org.probehunt.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.probehunt.contact.Contact;
import org.probehunt.contact.Domains;
import org.probehunt.contact.HostFinding;
import org.probehunt.report.Times;

/**
 * The retired X-ARF 0.2 report ({@code report.txt}, YAML), kept for abuse desks whose parsers
 * predate XARF v4, and the choice of the host a report is about, which both versions share. X-ARF
 * 0.2 has schemas for login-attack, malware-attack, phishing and a few others, but none for web
 * vulnerability probes. {@code abuse/login-attack} is the closest fit: its fields (Service, Port,
 * Source, a text/plain log attachment) describe an attempt to break into a network service, which a
 * probe for phf or a web shell is, and it is the type abuse desks' X-ARF parsers handle best; the
 * human-readable part says exactly what was seen.
 */
final class Xarf {
  static final String SCHEMA = "http://www.x-arf.org/schema/abuse_login-attack_0.1.2.json";

  /** The port of the Service the report names, http, when the log does not give one. */
  private static final int HTTP_PORT = 80;

  private Xarf() {}

  /**
   * The host a report is about: the first that is an IP literal, or else a valid host name; empty
   * when there is none. X-ARF names one source per report, and only validated text may go in.
   */
  static Optional<HostFinding> source(List<HostFinding> hosts) {
    return hosts.stream()
        .filter(h -> Domains.isIpLiteral(h.host()))
        .findFirst()
        .or(() -> hosts.stream().filter(h -> Domains.isHostName(h.host())).findFirst());
  }

  /** The validated text of a source: the canonical address, or the lower-case host name. */
  static String identifier(HostFinding source) {
    return Domains.canonicalIp(source.host())
        .orElseGet(() -> Domains.normalise(source.host()).orElseThrow());
  }

  /**
   * The address reports come from: the From address (without its display name), or else the
   * server's postmaster, at its name or at its address as an RFC 5321 address literal ({@code
   * postmaster@[192.0.2.1]}, {@code postmaster@[IPv6:2001:db8::1]}).
   */
  static String reportedFrom(String fromAddress, String serverName) {
    if (fromAddress != null) {
      return fromAddress;
    }
    if (!Domains.isIpLiteral(serverName)) {
      return "postmaster@" + serverName;
    }
    String ip = Domains.canonicalIp(serverName).orElseThrow();
    return "postmaster@[" + (ip.contains(":") ? "IPv6:" + ip : ip) + "]";
  }

  /**
   * The 0.2 report about {@code source}; {@code port} is the server port its requests came in on,
   * null when the log does not record it.
   */
  static String report(
      Contact contact,
      HostFinding source,
      NoticeSettings settings,
      String reportedFrom,
      Integer port) {
    boolean ip = Domains.isIpLiteral(source.host());
    Optional<OffsetDateTime> first = FindingTimes.parse(source.firstSeen());
    String id =
        contact.key()
            + "-"
            + first.map(t -> Long.toString(t.toEpochSecond())).orElse("0")
            + "@"
            + settings.serverName();
    StringBuilder out = new StringBuilder();
    out.append("---\r\n");
    line(out, "Reported-From", reportedFrom);
    line(out, "Category", "abuse");
    line(out, "Report-Type", "login-attack");
    line(out, "Service", "http");
    // The login-attack schema requires Port. Without %p in the log, the report's own Service,
    // http, is the only scheme known, so its default port stands in.
    line(out, "Port", Integer.toString(port != null ? port : HTTP_PORT));
    line(out, "User-Agent", "probehunt");
    line(out, "Report-ID", id);
    first.ifPresent(t -> line(out, "Date", Times.rfc5322(t)));
    line(out, "Source-Type", ip ? "ip-address" : "domain");
    line(out, "Source", identifier(source));
    line(out, "Occurrences", Long.toString(source.probes()));
    line(out, "Attachment", "text/plain");
    line(out, "Schema-URL", SCHEMA);
    line(out, "Version", "0.2");
    return out.toString();
  }

  private static void line(StringBuilder out, String field, String value) {
    out.append(field).append(": ").append(value).append("\r\n");
  }
}
