package org.probehunt.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.probehunt.contact.Domains;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.SpecialUse;
import org.probehunt.report.CsvWriter;
import org.probehunt.report.Texts;
import org.probehunt.report.Times;

/**
 * AbuseIPDB bulk-report CSV files for the hosts that are IP addresses: columns {@code
 * IP,Categories,ReportDate,Comment}, files named {@code abuseipdb.csv}, {@code abuseipdb-2.csv},
 * ..., each within the upload form's limits: 10,000 lines with the header, under 2 MB.
 */
public final class AbuseIpdb {
  /** The header row AbuseIPDB expects, exactly. */
  public static final List<String> HEADER = List.of("IP", "Categories", "ReportDate", "Comment");

  /** Lines per file accepted by the bulk upload, the header included. */
  public static final int MAX_LINES = 10_000;

  /** Data rows per file: the header takes one of the lines. */
  public static final int MAX_ROWS = MAX_LINES - 1;

  /** A file must stay below this many bytes (the form's 2 MB). */
  public static final int MAX_FILE_BYTES = 2_000_000;

  /** Longest comment AbuseIPDB keeps, in UTF-8 bytes. */
  public static final int MAX_COMMENT_BYTES = 1024;

  /** Opens the output for one file of the report, by name; the report closes it. */
  @FunctionalInterface
  public interface PartOutput {
    OutputStream open(String fileName) throws IOException;
  }

  private AbuseIpdb() {}

  /**
   * The row for a finding whose host is a public IP literal (empty for names and special-use
   * addresses): dated by the first request (AbuseIPDB's ReportDate is when the abuse was seen, and
   * the earliest sighting is the one the report stands on), commented with its rules and a few
   * sample paths.
   */
  public static Optional<AbuseRow> row(HostFinding finding, List<String> samplePaths) {
    Optional<String> ip = Domains.canonicalIp(finding.host());
    // Nobody answers for a private or documentation address: a report about one is noise.
    if (ip.isEmpty() || SpecialUse.contains(ip.get())) {
      return Optional.empty();
    }
    String date = FindingTimes.parse(finding.firstSeen()).map(Times::iso).orElse("");
    StringBuilder comment =
        new StringBuilder("Web vulnerability probes: ")
            .append(finding.probes())
            .append(" of ")
            .append(finding.requests())
            .append(" requests");
    if (!finding.rules().isEmpty()) {
      comment.append("; rules ").append(String.join(", ", finding.rules()));
    }
    if (!samplePaths.isEmpty()) {
      comment.append("; paths ").append(String.join(" ", samplePaths));
    }
    return Optional.of(
        new AbuseRow(
            ip.get(), AbuseCategories.of(finding.categories()), date, comment(comment.toString())));
  }

  /** The name of file {@code part}, counted from 1. */
  public static String fileName(int part) {
    return part == 1 ? "abuseipdb.csv" : "abuseipdb-" + part + ".csv";
  }

  /**
   * Writes rows encoded by {@link #line}, in order, starting a new file after 9,999 rows or before
   * a row would take the file to 2,000,000 bytes (one header-only file when there are none);
   * returns the file count. The tasks that build the rows encode them; this only cuts them into
   * files.
   */
  public static int writeLines(Iterator<byte[]> lines, PartOutput output) throws IOException {
    ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(64);
    // No byte-order mark: this file is for an upload form, not a spreadsheet.
    CsvWriter.open(headerBytes, HEADER, false).close();
    byte[] header = headerBytes.toByteArray();
    int part = 0;
    byte[] next = lines.hasNext() ? lines.next() : null;
    do {
      part++;
      try (OutputStream file = output.open(fileName(part))) {
        file.write(header);
        long bytes = header.length;
        int count = 0;
        while (next != null && count < MAX_ROWS) {
          // A single row is at most about 1.2 KB, so every file takes at least one.
          if (count > 0 && bytes + next.length >= MAX_FILE_BYTES) {
            break;
          }
          file.write(next);
          bytes += next.length;
          count++;
          next = lines.hasNext() ? lines.next() : null;
        }
      }
    } while (next != null);
    return part;
  }

  /** One CSV line as the file will hold it, so that it can be measured before it is written. */
  public static byte[] line(AbuseRow r) {
    String codes = r.categories().stream().map(String::valueOf).collect(Collectors.joining(","));
    return CsvWriter.line(r.ip(), codes, r.reportDate(), comment(r.comment()))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Log text made safe for the comment: control characters escaped, no leading formula character
   * (the CSV writer would add an apostrophe AbuseIPDB would keep), cut to 1,024 UTF-8 bytes on a
   * character boundary, and no backslash before a quote or at the end. AbuseIPDB's reader takes
   * {@code \"} for an escaped quote, so such a backslash would swallow the quote that follows it in
   * the file, the one that closes the cell included; a backslash before a quote is written {@code
   * \x5c} (the log reader's escape for it), a trailing one, whether logged or left by the cut, is
   * dropped.
   */
  static String comment(String text) {
    String safe = Texts.printable(text == null ? "" : text).replace('\t', ' ');
    while (!safe.isEmpty() && "=+-@ ".indexOf(safe.charAt(0)) >= 0) {
      safe = safe.substring(1);
    }
    safe = truncate(safe.replace("\\\"", "\\x5c\""), MAX_COMMENT_BYTES);
    int end = safe.length();
    while (end > 0 && safe.charAt(end - 1) == '\\') {
      end--;
    }
    return safe.substring(0, end);
  }

  static String truncate(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = utf8Length(cp);
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  /** Bytes of one code point in UTF-8 as Java writes it: a lone surrogate becomes one '?'. */
  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    if (cp >= 0x10000) {
      return 4;
    }
    return Character.isSurrogate((char) cp) ? 1 : 3;
  }
}
