package org.probehunt.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a report back the way a spreadsheet would: RFC 4180, UTF-8 with its byte-order mark. */
public final class CsvFiles {
  private CsvFiles() {}

  /** The data rows as column-to-value maps, in file order. */
  public static List<Map<String, String>> rows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = new java.io.StringReader(text);
        CSVParser parser =
            CSVParser.builder()
                .setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }

  /** The header row. */
  public static List<String> header(Path file) throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    return List.of(first.replace("\uFEFF", "").split(",", -1));
  }
}
