package org.probehunt.notify;

import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Domains;
import org.probehunt.contact.Contact;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The machine-readable part of an X-ARF 0.2 report ({@code report.txt}, YAML). X-ARF 0.2 has
 * schemas for login-attack, malware-attack, phishing and a few others, but none for web
 * vulnerability probes. {@code abuse/login-attack} is the closest fit: its fields (Service,
 * Port, Source, a text/plain log attachment) describe an attempt to break into a network
 * service, which a probe for phf or a web shell is, and it is the type abuse desks' X-ARF
 * parsers handle best; the human-readable part says exactly what was seen.
 */
final class Xarf {
  static final String SCHEMA = "http://www.x-arf.org/schema/abuse_login-attack_0.1.2.json";

  private Xarf() {}

  /**
   * The report for the first host that is an IP literal or else a valid host name, or empty
   * when there is none: X-ARF names one source per report, and only validated text may go in.
   */
  static Optional<String> report(Contact contact, List<HostFinding> hosts,
      NoticeSettings settings, String reportedFrom) {
    HostFinding source = hosts.stream().filter(h -> Domains.isIpLiteral(h.host())).findFirst()
        .or(() -> hosts.stream().filter(h -> Domains.isHostName(h.host())).findFirst())
        .orElse(null);
    if (source == null) {
      return Optional.empty();
    }
    boolean ip = Domains.isIpLiteral(source.host());
    String text = ip ? Domains.canonicalIp(source.host()).orElseThrow()
        : Domains.normalise(source.host()).orElseThrow();
    Optional<OffsetDateTime> first = Times.parse(source.firstSeen());
    String id = contact.key() + "-" + first.map(t -> Long.toString(t.toEpochSecond())).orElse("0")
        + "@" + settings.serverName();
    StringBuilder out = new StringBuilder();
    out.append("---\r\n");
    line(out, "Reported-From", reportedFrom);
    line(out, "Category", "abuse");
    line(out, "Report-Type", "login-attack");
    line(out, "Service", "http");
    // The job does not know the port; 80 is where the 1998-style probes arrive.
    line(out, "Port", "80");
    line(out, "User-Agent", "probehunt");
    line(out, "Report-ID", id);
    first.ifPresent(t -> line(out, "Date", Times.rfc5322(t)));
    line(out, "Source-Type", ip ? "ip-address" : "domain");
    line(out, "Source", text);
    line(out, "Occurrences", Long.toString(source.probes()));
    line(out, "Attachment", "text/plain");
    line(out, "Schema-URL", SCHEMA);
    line(out, "Version", "0.2");
    return Optional.of(out.toString());
  }

  private static void line(StringBuilder out, String field, String value) {
    out.append(field).append(": ").append(value).append("\r\n");
  }
}
