package org.probehunt.notify;

import org.probehunt.report.Texts;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Domains;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.probehunt.report.CsvReport;

/**
 * AbuseIPDB bulk-report CSV files for the hosts that are IP addresses: columns
 * {@code IP,Categories,ReportDate,Comment}, at most 10,000 rows per file (the upload limit),
 * files named {@code abuseipdb.csv}, {@code abuseipdb-2.csv}, ...
 */
public final class AbuseIpdb {
  /** The header row AbuseIPDB expects, exactly. */
  public static final List<String> HEADER = List.of("IP", "Categories", "ReportDate", "Comment");

  /** Rows per file accepted by the bulk upload. */
  public static final int MAX_ROWS = 10_000;

  /** Longest comment AbuseIPDB keeps, in UTF-8 bytes. */
  public static final int MAX_COMMENT_BYTES = 1024;

  /** Opens the output for one file of the report, by name; the report closes it. */
  @FunctionalInterface
  public interface PartOutput {
    OutputStream open(String fileName) throws IOException;
  }

  private AbuseIpdb() {}

  /**
   * The row for a finding whose host is an IP literal (empty otherwise): dated by the last
   * request, commented with its rules and a few sample paths.
   */
  public static Optional<AbuseRow> row(HostFinding finding, List<String> samplePaths) {
    Optional<String> ip = Domains.canonicalIp(finding.host());
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    String date = Times.parse(finding.lastSeen()).map(Times::iso).orElse("");
    StringBuilder comment = new StringBuilder("Web vulnerability probes: ")
        .append(finding.probes()).append(" of ").append(finding.requests()).append(" requests");
    if (!finding.rules().isEmpty()) {
      comment.append("; rules ").append(String.join(", ", finding.rules()));
    }
    if (!samplePaths.isEmpty()) {
      comment.append("; paths ").append(String.join(" ", samplePaths));
    }
    return Optional.of(new AbuseRow(ip.get(), AbuseCategories.of(finding.categories()), date,
        comment(comment.toString())));
  }

  /** The name of file {@code part}, counted from 1. */
  public static String fileName(int part) {
    return part == 1 ? "abuseipdb.csv" : "abuseipdb-" + part + ".csv";
  }

  /** Writes the rows, 10,000 a file (one header-only file when none); returns the file count. */
  public static int write(List<AbuseRow> rows, PartOutput output) throws IOException {
    int parts = Math.max(1, (rows.size() + MAX_ROWS - 1) / MAX_ROWS);
    for (int part = 1; part <= parts; part++) {
      // No byte-order mark: this file is for an upload form, not a spreadsheet.
      try (CsvReport csv = CsvReport.open(output.open(fileName(part)), HEADER, false)) {
        int end = Math.min(rows.size(), part * MAX_ROWS);
        for (AbuseRow r : rows.subList((part - 1) * MAX_ROWS, end)) {
          String codes = r.categories().stream().map(String::valueOf)
              .collect(Collectors.joining(","));
          csv.row(r.ip(), codes, r.reportDate(), comment(r.comment()));
        }
      }
    }
    return parts;
  }

  /**
   * Log text made safe for the comment: control characters escaped, no leading formula
   * character (the CSV writer would add an apostrophe AbuseIPDB would keep), cut to 1,024
   * UTF-8 bytes on a character boundary.
   */
  static String comment(String text) {
    String safe = Texts.printable(text == null ? "" : text).replace('\t', ' ');
    while (!safe.isEmpty() && "=+-@ ".indexOf(safe.charAt(0)) >= 0) {
      safe = safe.substring(1);
    }
    return truncate(safe, MAX_COMMENT_BYTES);
  }

  static String truncate(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }
}
