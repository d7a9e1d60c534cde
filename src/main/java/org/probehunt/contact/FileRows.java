package org.probehunt.contact;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probehunt.report.Texts;

/**
 * What the user's CSV files of contacts and actors share: one row per line, and errors of one line
 * that name the file and line.
 */
final class FileRows {
  private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setTrim(true).get();

  private FileRows() {}

  /** The cells of {@code line}, which must hold exactly one CSV row. */
  static List<String> cells(String line, String source, int lineNo) throws ContactException {
    try (CSVParser parser = ROW.parse(new StringReader(line))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw error(source, lineNo, "expected one CSV row");
      }
      return records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw error(source, lineNo, "bad CSV: " + e.getMessage());
    }
  }

  /** {@code source:lineNo: message}. */
  static ContactException error(String source, int lineNo, String message) {
    return new ContactException(source + ":" + lineNo + ": " + message);
  }

  /** Keeps the error message on one line whatever the file holds. */
  static String quoted(String cell) {
    return Texts.quoted(cell, 80);
  }
}
