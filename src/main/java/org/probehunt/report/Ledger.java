package org.probehunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What earlier runs reported (the {@code --ledger} file), and the status a flagged host gets from
 * it. Status is decided in log time, never by the clock, so that a month run twice gives the same
 * answer: see {@link #status}.
 */
public final class Ledger implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The ledger file's columns; like the reports', only ever appended to. */
  public static final List<String> COLUMNS =
      List.of(
          "recorded",
          "host",
          "contact",
          "first_seen",
          "last_seen",
          "probes",
          "rules",
          "campaign",
          "status",
          "folder",
          "drafts");

  /** hosts.csv's status: never reported; reported and drafted again; reported, not drafted. */
  public static final String NEW = "new";

  public static final String AGAIN = "again";
  public static final String KNOWN = "known";

  /**
   * One report of a host as the ledger holds it.
   *
   * @param recorded when the report was drafted, {@code 2026-12-03T03:17:10Z}
   * @param firstSeen the first request of the period reported, as the logs gave it
   * @param lastSeen the last request of that period
   * @param folder the report folder the drafts were written to
   */
  public record Report(
      String recorded,
      String firstSeen,
      String lastSeen,
      long firstEpoch,
      long lastEpoch,
      String folder)
      implements Serializable {
    /** The day the report was drafted, {@code 2026-12-03}. */
    public String recordedDay() {
      return recorded.length() >= 10 ? recorded.substring(0, 10) : recorded;
    }
  }

  private final List<Report> reports;
  private final Map<String, List<Integer>> byHost;

  private Ledger(List<Report> reports, Map<String, List<Integer>> byHost) {
    this.reports = reports;
    this.byHost = byHost;
  }

  /** A ledger that has recorded nothing: every host is new. */
  public static Ledger empty() {
    return new Ledger(List.of(), Map.of());
  }

  /**
   * Reads a ledger written by probehunt (and perhaps saved again by a spreadsheet); {@code name}
   * names the file in errors, which say {@code NAME:LINE: what is wrong}.
   */
  public static Ledger read(InputStream in, String name) throws IOException, LedgerException {
    Reader reader = skipBom(new InputStreamReader(in, StandardCharsets.UTF_8));
    CSVFormat format = CSVFormat.RFC4180.builder().get();
    List<Report> reports = new ArrayList<>();
    Map<String, List<Integer>> byHost = new HashMap<>();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return empty(); // an empty file: nothing recorded yet
      }
      List<String> header = records.next().toList();
      if (header.size() < COLUMNS.size() || !header.subList(0, COLUMNS.size()).equals(COLUMNS)) {
        throw new LedgerException(
            name
                + ":1: not a probehunt ledger: the header must start "
                + String.join(",", COLUMNS));
      }
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new LedgerException(name + ":" + line + ": not readable as CSV");
        }
        Report report = report(record, header.size(), name + ":" + line);
        String host = CsvInput.restore(record.get(1));
        byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(reports.size());
        reports.add(report);
      }
    } catch (UncheckedIOException e) {
      throw new LedgerException(name + ": not readable as CSV: " + e.getMessage());
    }
    return new Ledger(reports, byHost);
  }

  private static Report report(CSVRecord record, int columns, String where) throws LedgerException {
    if (record.size() != columns) {
      throw new LedgerException(where + ": " + record.size() + " cells, the header has " + columns);
    }
    String host = CsvInput.restore(record.get(1));
    if (host.isBlank()) {
      throw new LedgerException(where + ": no host");
    }
    OffsetDateTime first = time(record, 3, where);
    OffsetDateTime last = time(record, 4, where);
    time(record, 0, where);
    try {
      Long.parseLong(record.get(5));
    } catch (NumberFormatException e) {
      throw new LedgerException(where + ": probes '" + cell(record, 5) + "' is not a number");
    }
    String status = record.get(8);
    if (!status.equals(NEW) && !status.equals(AGAIN)) {
      throw new LedgerException(
          where + ": status '" + cell(record, 8) + "' is not " + NEW + " or " + AGAIN);
    }
    return new Report(
        record.get(0),
        record.get(3),
        record.get(4),
        first.toEpochSecond(),
        last.toEpochSecond(),
        CsvInput.restore(record.get(9)));
  }

  private static OffsetDateTime time(CSVRecord record, int column, String where)
      throws LedgerException {
    try {
      return OffsetDateTime.parse(record.get(column));
    } catch (DateTimeParseException e) {
      throw new LedgerException(
          where
              + ": "
              + COLUMNS.get(column)
              + " '"
              + cell(record, column)
              + "' is not a time as probehunt writes it (1998-11-23T19:52:17+09:00)");
    }
  }

  /** A cell as an error message may quote it: printable and short. */
  private static String cell(CSVRecord record, int column) {
    String text = Texts.printable(record.get(column));
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** The same ledger without what was recorded for report folder {@code folder}. */
  public Ledger without(String folder) {
    List<Report> kept = new ArrayList<>();
    Map<String, List<Integer>> hosts = new HashMap<>();
    byHost.forEach(
        (host, at) -> {
          for (int i : at) {
            if (!reports.get(i).folder().equals(folder)) {
              hosts.computeIfAbsent(host, h -> new ArrayList<>()).add(kept.size());
              kept.add(reports.get(i));
            }
          }
        });
    return new Ledger(kept, hosts);
  }

  /** The host's latest report: the one whose period ends last (of equals, the later row). */
  public Report latest(String host) {
    Report latest = null;
    for (int i : byHost.getOrDefault(host, List.of())) {
      Report r = reports.get(i);
      if (latest == null || r.lastEpoch() >= latest.lastEpoch()) {
        latest = r;
      }
    }
    return latest;
  }

  /**
   * The status of a host whose newest probe in this run's logs is at {@code newestProbe} (epoch
   * seconds): {@link #NEW} when the ledger has no report of it; {@link #KNOWN} when its latest
   * report's period covers its probes — none after that period's last request, and the newest no
   * more than {@code quietDays} before the period's first; else {@link #AGAIN}.
   */
  public String status(String host, long newestProbe, int quietDays) {
    Report last = latest(host);
    if (last == null) {
      return NEW;
    }
    long quiet = Duration.ofDays(quietDays).toSeconds();
    boolean covered = newestProbe <= last.lastEpoch() && newestProbe >= last.firstEpoch() - quiet;
    return covered ? KNOWN : AGAIN;
  }

  /** Rows read. */
  public int size() {
    return reports.size();
  }

  private static Reader skipBom(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }
}
