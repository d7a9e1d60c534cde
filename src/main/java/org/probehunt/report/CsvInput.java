package org.probehunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a report back, e.g. after an admin edited it in a spreadsheet: with or without the
 * byte-order mark, and with the apostrophe that {@link CsvCells#neutralise} added taken off.
 */
public final class CsvInput {
  private CsvInput() {}

  /** The rows as column-to-value maps; {@code required} columns must be in the header. */
  public static List<Map<String, String>> read(InputStream in, String name, List<String> required)
      throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    forEach(in, name, required, rows::add);
    return rows;
  }

  /** Hands each row to {@code each} as it is read, so a report of any size can be read back. */
  public static void forEach(
      InputStream in, String name, List<String> required, Consumer<Map<String, String>> each)
      throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser =
        CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
      for (String column : required) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new IOException(name + ": no '" + column + "' column in the header");
        }
      }
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        record.toMap().forEach((k, v) -> row.put(k, restore(v)));
        each.accept(row);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new IOException(name + ": not a readable CSV report: " + e.getMessage(), e);
    }
  }

  /** The cell as it was before neutralising: a formula-guarding apostrophe comes off. */
  static String restore(String cell) {
    if (cell.length() > 1
        && cell.charAt(0) == '\''
        && CsvCells.neutralise(cell.substring(1)).equals(cell)) {
      return cell.substring(1);
    }
    return cell;
  }

  private static Reader skipBom(Reader reader) throws IOException {
    java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }
}
