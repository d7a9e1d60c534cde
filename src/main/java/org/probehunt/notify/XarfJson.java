package org.probehunt.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.probehunt.contact.Contact;
import org.probehunt.contact.Domains;
import org.probehunt.contact.HostFinding;
import org.probehunt.report.Texts;
import org.probehunt.report.Times;

/**
 * The XARF v4 report of a draft ({@code xarf.json}): category {@code connection}, type {@code
 * vulnerability_scan} (the type for automated exploit attempts, web scanners included), checked
 * against xarf-spec's {@code xarf-core.json} and {@code types/connection-vulnerability-scan.json}.
 * Keys come in a fixed order, so the same findings give the same bytes.
 */
final class XarfJson {
  /** The specification version the report follows. */
  static final String VERSION = "4.2.0";

  /** The attachment's name by the XARF e-mail transport's convention. */
  static final String FILE_NAME = "xarf.json";

  /** Largest evidence item the specification allows, in decoded bytes. */
  static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

  private static final int MAX_DESCRIPTION = 1000;
  private static final int MAX_ORG = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two-space indents and LF line ends whatever the platform, for the same bytes everywhere. */
  private static final ObjectWriter WRITER =
      JSON.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private XarfJson() {}

  /**
   * The report about {@code source}, whose lines and server ports are in {@code log}; empty when a
   * required field has no valid value: the first sighting is not a time, or neither the sender
   * address nor the server name is a host name to serve as the reporter's domain.
   */
  static Optional<byte[]> report(
      Contact contact,
      HostFinding source,
      SourceLog log,
      NoticeSettings settings,
      String reportedFrom) {
    Optional<OffsetDateTime> first = FindingTimes.parse(source.firstSeen());
    Optional<String> domain = reporterDomain(reportedFrom, settings.serverName());
    if (first.isEmpty() || domain.isEmpty()) {
      return Optional.empty();
    }
    String identifier = Xarf.identifier(source);
    String timestamp = Times.iso(first.get());
    ObjectNode r = JSON.createObjectNode();
    r.put("xarf_version", VERSION);
    r.put(
        "report_id",
        reportId(contact.key(), identifier, timestamp, settings.serverName()).toString());
    // The core schema's timestamp is when the abuse occurred: the first probe.
    r.put("timestamp", timestamp);
    ObjectNode reporter = r.putObject("reporter");
    reporter.put("org", cut(settings.serverName(), MAX_ORG));
    reporter.put("contact", reportedFrom);
    reporter.put("domain", domain.get());
    // The server's people both own the complaint and send it.
    r.set("sender", reporter.deepCopy());
    r.put("source_identifier", identifier);
    // source_port is left out: access logs hold the client's address, not its port.
    r.put("category", "connection");
    r.put("type", "vulnerability_scan");
    r.put("description", cut(description(source, identifier, settings), MAX_DESCRIPTION));
    Domains.canonicalIp(settings.serverName()).ifPresent(ip -> r.put("destination_ip", ip));
    r.put("scan_type", "web_vuln_scan");
    // targeted_ports is only recommended. None of the log formats records the scheme (%H is the
    // protocol version), so without vhost_combined's %p the port is unknown and is left out.
    if (!log.ports().isEmpty()) {
      ArrayNode ports = r.putArray("targeted_ports");
      log.ports().stream().sorted().forEach(ports::add);
    }
    List<String> rules = source.rules().stream().distinct().sorted().toList();
    if (!rules.isEmpty()) {
      ArrayNode probed = r.putArray("vulnerabilities_probed");
      rules.forEach(probed::add);
    }
    r.put("protocol", log.transport());
    r.put("first_seen", timestamp);
    FindingTimes.parse(source.lastSeen()).ifPresent(t -> r.put("last_seen", Times.iso(t)));
    if (source.probes() >= 1) {
      r.put("total_requests", source.probes());
    }
    if (log.total() > 0) {
      evidence(r.putArray("evidence"), log.lines(), log.total(), identifier);
    }
    try {
      byte[] json = WRITER.writeValueAsBytes(r);
      byte[] out = new byte[json.length + 1];
      System.arraycopy(json, 0, out, 0, json.length);
      out[json.length] = '\n';
      return Optional.of(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /**
   * A UUID in version 4 form from a hash of what the report is about, not a random one: a draft
   * written again for the same findings keeps its report ID, as it keeps its bytes.
   */
  static UUID reportId(String... parts) {
    ByteBuffer hash = ByteBuffer.wrap(Hashes.sha256(String.join("\u0000", parts)));
    long high = (hash.getLong() & ~0xF000L) | 0x4000L;
    long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /**
   * The reporter's domain: the registrable domain of the address reports come from, or of the
   * server name, or that host name itself when it has no public suffix.
   */
  static Optional<String> reporterDomain(String reportedFrom, String serverName) {
    String mailDomain = reportedFrom.substring(reportedFrom.lastIndexOf('@') + 1);
    for (String host : List.of(mailDomain, serverName)) {
      Optional<String> domain = Domains.registrable(host).or(() -> Domains.normalise(host));
      if (domain.isPresent()) {
        return domain;
      }
    }
    return Optional.empty();
  }

  private static String description(
      HostFinding source, String identifier, NoticeSettings settings) {
    String text =
        "Web vulnerability probes from "
            + identifier
            + " to "
            + settings.serverName()
            + ": "
            + source.probes()
            + " of "
            + source.requests()
            + " requests matched";
    if (!source.rules().isEmpty()) {
      text +=
          " the rules " + String.join(", ", source.rules().stream().distinct().sorted().toList());
    } else {
      text += " probe rules";
    }
    return Texts.printable(text) + ".";
  }

  /** A line's size in an evidence item: escaped, CRLF-terminated, in UTF-8. */
  static long rowBytes(String line) {
    return row(line).getBytes(StandardCharsets.UTF_8).length;
  }

  private static String row(String line) {
    return Texts.printable(line) + "\r\n";
  }

  /**
   * One text/plain item of the host's log lines, as many whole lines as fit in 5 MB, of {@code
   * total}; SourceLog keeps no more than fit.
   */
  private static void evidence(ArrayNode items, List<String> lines, long total, String identifier) {
    // Each row's bytes once, then one array of exactly their size: the draft is made in the heap of
    // a task, and a builder, its string and their bytes were four copies of up to 5 MB.
    List<byte[]> rows = new ArrayList<>();
    int bytes = 0;
    for (String line : lines) {
      byte[] row = row(line).getBytes(StandardCharsets.UTF_8);
      if ((long) bytes + row.length > MAX_EVIDENCE_BYTES) {
        break;
      }
      rows.add(row);
      bytes += row.length;
    }
    byte[] payload = new byte[bytes];
    int at = 0;
    for (byte[] row : rows) {
      System.arraycopy(row, 0, payload, at, row.length);
      at += row.length;
    }
    int kept = rows.size();
    ObjectNode item = items.addObject();
    item.put("content_type", "text/plain");
    item.put(
        "description",
        "Access log lines of "
            + identifier
            + (kept == total ? "" : ", the first " + kept + " of " + total));
    // A binary node: the writer puts it in base64 (standard alphabet, padded, on one line) as it
    // writes, with no encoded copy and no string of it held beside the bytes.
    item.put("payload", payload);
    item.put("hash", "sha256:" + HexFormat.of().formatHex(Hashes.sha256(payload)));
    item.put("size", payload.length);
  }

  /** At most {@code max} characters, never half of a surrogate pair. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }
}
