package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.probehunt.notify.NoticeFiles;
import org.probehunt.notify.TemplateSet;
import org.probehunt.report.CsvWriter;
import org.probehunt.report.Ledger;
import org.probehunt.report.LedgerException;

/**
 * The ledger file on any Hadoop file system. It is only ever appended to, and atomically: the old
 * bytes and the new rows are written to a hidden file beside it, which then replaces it by one
 * rename, so a run that fails or is killed leaves the previous ledger whole.
 */
public final class LedgerFile {
  /** The file's name when --ledger names a folder. */
  static final String NAME = "ledger.csv";

  private final FileSystem fs;
  private final Path file;
  private final Path staged;
  private final int added;

  private LedgerFile(FileSystem fs, Path file, Path staged, int added) {
    this.fs = fs;
    this.file = file;
    this.staged = staged;
    this.added = added;
  }

  /**
   * Reads the ledger at {@code path} (a file, or a folder holding {@value #NAME}); a file that is
   * not there yet is an empty ledger, made by the first run that drafts.
   */
  public static LedgerPlan open(Configuration conf, String path, int quietDays, boolean record)
      throws IOException, LedgerException {
    Path file = location(conf, path);
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file)) {
      if (!fs.exists(file.getParent())) {
        throw new LedgerException("--ledger: no folder " + shown(file.getParent()));
      }
      return new LedgerPlan(path, quietDays, record, Ledger.empty());
    }
    try (InputStream in = fs.open(file)) {
      return new LedgerPlan(path, quietDays, record, Ledger.read(in, shown(file)));
    } catch (IOException e) {
      throw new LedgerException("--ledger: cannot read " + shown(file) + ": " + e.getMessage());
    }
  }

  /** The file as errors name it: a local one by its path alone, as the user wrote it. */
  private static String shown(Path file) {
    return "file".equals(file.toUri().getScheme())
        ? Path.getPathWithoutSchemeAndAuthority(file).toString()
        : file.toString();
  }

  private static Path location(Configuration conf, String path) throws IOException {
    Path given = new Path(path);
    FileSystem fs = given.getFileSystem(conf);
    Path qualified = fs.makeQualified(given);
    return fs.exists(qualified) && fs.getFileStatus(qualified).isDirectory()
        ? new Path(qualified, NAME)
        : qualified;
  }

  /**
   * Publishes the reports of {@code out} and records the {@code chosen} hosts (those drafted there,
   * in the contact pass's ledger rows, sorted by host) in the plan's ledger; {@code known} hosts
   * were not drafted, being reported before and quiet since. The ledger is staged before, so that a
   * failure (a full disk) stops the publishing too, and put in place after, once the drafts it
   * names are there.
   */
  static void publish(
      OutputDir out,
      Configuration conf,
      LedgerPlan plan,
      long known,
      List<Row> chosen,
      boolean byteOrderMark,
      PrintWriter console)
      throws IOException {
    if (plan.given()) {
      console.printf(
          "ledger: %d hosts reported before and quiet since, not drafted again%n", known);
    }
    LedgerFile ledger = record(conf, plan, chosen, out.folder(), Instant.now(), byteOrderMark);
    try {
      out.publish();
    } catch (IOException | RuntimeException | Error e) {
      if (ledger != null) {
        ledger.discard(e);
      }
      throw e;
    }
    if (ledger != null) {
      try {
        ledger.commit();
      } catch (IOException | RuntimeException e) {
        ledger.discard(e);
        throw e;
      }
      console.printf("ledger: %d hosts recorded in %s%n", ledger.added, shown(ledger.file));
    }
    console.flush();
  }

  /**
   * Stages the ledger with a row for every host of {@code chosen} (the hosts drafted into {@code
   * folder}: host, contact, first_seen, last_seen, probes, rules, campaign and status), recorded at
   * {@code now}; null when there is nothing to record.
   */
  private static LedgerFile record(
      Configuration conf,
      LedgerPlan plan,
      List<Row> chosen,
      String folder,
      Instant now,
      boolean byteOrderMark)
      throws IOException {
    if (!plan.given() || !plan.record() || chosen.isEmpty()) {
      return null; // nothing drafted: the ledger is not even rewritten
    }
    String recorded = now.truncatedTo(ChronoUnit.SECONDS).toString();
    List<Object[]> rows = new ArrayList<>();
    for (Row r : chosen) {
      String contact = r.getString(1);
      List<String> drafts = new ArrayList<>();
      for (String lang : TemplateSet.LANGUAGES) {
        drafts.add(folder + "/" + NoticeFiles.fileName(contact, lang));
      }
      rows.add(
          new Object[] {
            recorded,
            r.getString(0),
            contact,
            r.getString(2),
            r.getString(3),
            r.getLong(4),
            r.getString(5),
            r.getString(6),
            r.getString(7),
            folder,
            String.join(";", drafts)
          });
    }
    return stage(conf, plan.path(), rows, byteOrderMark);
  }

  /**
   * Writes the ledger as it is now plus {@code rows} (cells in {@link Ledger#COLUMNS}' order) to a
   * hidden file beside it; {@link #commit} puts it in place, {@link #discard} drops it.
   */
  private static LedgerFile stage(
      Configuration conf, String path, List<Object[]> rows, boolean byteOrderMark)
      throws IOException {
    Path file = location(conf, path);
    FileSystem fs = file.getFileSystem(conf);
    // No hidden .crc file beside the ledger, as beside the reports: users open and save it.
    fs.setWriteChecksum(false);
    Path staged = new Path(file.getParent(), "." + file.getName() + ".tmp-" + UUID.randomUUID());
    LedgerFile ledger = new LedgerFile(fs, file, staged, rows.size());
    try (OutputStream out = fs.create(staged, false)) {
      boolean header = true;
      if (fs.exists(file)) {
        byte[] old;
        try (InputStream in = fs.open(file)) {
          old = in.readAllBytes();
        }
        out.write(old);
        header = old.length == 0;
        // A spreadsheet may have saved the last row without its line end.
        if (!header && old[old.length - 1] != '\n') {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      try (CsvWriter csv =
          header
              ? CsvWriter.open(out, Ledger.COLUMNS, byteOrderMark)
              : CsvWriter.continuation(out, Ledger.COLUMNS.size())) {
        for (Object[] row : rows) {
          csv.row(row);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      ledger.discard(e);
      throw e;
    }
    return ledger;
  }

  /** Replaces the ledger with the staged file, in one rename. */
  private void commit() throws IOException {
    Replace.byRename(fs, staged, file);
  }

  /** Drops the staged file, the ledger staying as it was. */
  private void discard(Throwable cause) {
    try {
      fs.delete(staged, false);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
