package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.contact.HostFinding;

/** The upload form's limits on AbuseIPDB files, checked by reading the files back. */
class AbuseIpdbFilesTest {
  /** How AbuseIPDB reads a bulk file: a backslash escapes the quote after it. */
  private static final CSVFormat ABUSEIPDB_READER =
      CSVFormat.RFC4180.builder().setEscape('\\').get();

  /** The files {@link AbuseIpdb#writeLines} makes of the rows, each encoded as the tasks do. */
  static Map<String, byte[]> write(List<AbuseRow> rows) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    for (AbuseRow row : rows) {
      lines.add(AbuseIpdb.line(row));
    }
    Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
    int count =
        AbuseIpdb.writeLines(
            lines.iterator(),
            name -> files.computeIfAbsent(name, n -> new ByteArrayOutputStream()));
    assertEquals(files.size(), count, "the count returned is the files written");
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return bytes;
  }

  /** Every line of the file, the header first, as commons-csv reads it with this format. */
  private static List<List<String>> read(byte[] file, CSVFormat format) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new StringReader(new String(file, StandardCharsets.UTF_8)))
            .setFormat(format)
            .get()) {
      for (CSVRecord r : parser) {
        records.add(r.toList());
      }
    }
    return records;
  }

  private static AbuseRow row(int i, String comment) {
    return new AbuseRow(
        "198.51." + (100 + i / 65_536 % 4) + "." + (i / 256 % 256) + "",
        List.of(21),
        "1998-11-23T19:52:17+09:00",
        comment + i);
  }

  private static void assertSplit(List<AbuseRow> rows, Map<String, byte[]> files)
      throws IOException {
    List<List<String>> all = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      List<List<String>> records = read(f.getValue(), CSVFormat.RFC4180);
      assertEquals(AbuseIpdb.HEADER, records.get(0), f.getKey() + " starts with the header");
      assertTrue(records.size() <= 10_000, f.getKey() + " has " + records.size() + " lines");
      assertTrue(
          f.getValue().length < 2_000_000, f.getKey() + " has " + f.getValue().length + " bytes");
      all.addAll(records.subList(1, records.size()));
    }
    assertEquals(rows.size(), all.size(), "every row is written once");
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).comment(), all.get(i).get(3), "row " + i + " in order");
    }
  }

  @Test
  void tenThousandLinesPerFileWithTheHeader() throws IOException {
    List<AbuseRow> rows = new ArrayList<>();
    for (int i = 0; i < 20_001; i++) {
      rows.add(row(i, "probe "));
    }
    Map<String, byte[]> files = write(rows);
    assertEquals(
        List.of("abuseipdb.csv", "abuseipdb-2.csv", "abuseipdb-3.csv"),
        List.copyOf(files.keySet()));
    assertEquals(
        10_000,
        read(files.get("abuseipdb.csv"), CSVFormat.RFC4180).size(),
        "9,999 rows and the header");
    assertEquals(10_000, read(files.get("abuseipdb-2.csv"), CSVFormat.RFC4180).size());
    assertEquals(
        4,
        read(files.get("abuseipdb-3.csv"), CSVFormat.RFC4180).size(),
        "the last 3 rows and the header");
    assertSplit(rows, files);
  }

  @Test
  void aFileEndsBeforeItWouldReachTwoMillionBytes() throws IOException {
    String longComment = "x".repeat(1000) + " ";
    List<AbuseRow> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      rows.add(row(i, longComment));
    }
    Map<String, byte[]> files = write(rows);
    assertEquals(3, files.size(), "about 1 KB a row: three files for 5,000 rows");
    assertSplit(rows, files);
    byte[] first = files.get("abuseipdb.csv");
    int rowBytes = first.length / (read(first, CSVFormat.RFC4180).size() - 1);
    assertTrue(
        first.length + rowBytes + 10 >= 2_000_000,
        "the first file is full: " + first.length + " bytes");
  }

  @Test
  void reportDateIsTheFirstSighting() {
    HostFinding h =
        new HostFinding(
            "2a00:db8::7",
            "1998-11-23T19:52:17+09:00",
            "1998-12-01T08:00:00+09:00",
            1,
            9,
            List.of("phf"),
            List.of("cgi-exploit"));
    assertEquals(
        "1998-11-23T19:52:17+09:00", AbuseIpdb.row(h, List.of()).orElseThrow().reportDate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cgi-bin/phf\\", "/a\\\\", "/b\\\"", "/c\\\"x\\\"\\", "\\", "/d\\\\\"e"})
  void noBackslashEscapesTheClosingQuote(String path) throws IOException {
    AbuseRow r =
        AbuseIpdb.row(
                new HostFinding(
                    "11.0.2.1",
                    "1998-11-23T19:52:17+09:00",
                    "1998-11-23T19:52:41+09:00",
                    1,
                    1,
                    List.of("phf"),
                    List.of("cgi-exploit")),
                List.of(path))
            .orElseThrow();
    assertFalse(r.comment().endsWith("\\"), r.comment());
    assertFalse(r.comment().contains("\\\""), r.comment());
    AbuseRow next = new AbuseRow("192.0.2.2", List.of(21), "1998-11-23T19:52:17+09:00", "next");
    byte[] file = write(List.of(r, next)).get("abuseipdb.csv");
    assertEquals(r.comment(), read(file, CSVFormat.RFC4180).get(1).get(3), "RFC 4180 reading");
    // Read with backslash escapes, the cells keep their bounds: no quote is taken as escaped.
    List<List<String>> records = read(file, ABUSEIPDB_READER);
    assertEquals(3, records.size(), "header and two rows for " + path);
    assertEquals(4, records.get(1).size(), "four cells in " + records.get(1));
    assertTrue(
        records.get(1).get(3).endsWith(r.comment().substring(r.comment().length() - 2)),
        "the comment ends where it should: " + records.get(1));
    assertEquals(
        List.of("192.0.2.2", "21", "1998-11-23T19:52:17+09:00", "next"),
        records.get(2),
        "the next row is untouched");
  }

  @Test
  void truncationLeavesNoBackslash() {
    // The cut at 1,024 bytes falls inside the \x0d that stands for a carriage return.
    String text = "a".repeat(1023) + "\r";
    String comment = AbuseIpdb.comment(text);
    assertEquals("a".repeat(1023), comment, "the half escape is dropped");
    String quoted = AbuseIpdb.comment("b".repeat(1022) + "\\\"");
    assertFalse(quoted.endsWith("\\"), quoted.substring(1000));
    assertTrue(quoted.getBytes(StandardCharsets.UTF_8).length <= 1024);
    assertEquals(quoted, AbuseIpdb.comment(quoted), "writing it again changes nothing");
  }
}
