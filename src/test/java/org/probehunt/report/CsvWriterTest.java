package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvWriterTest {
  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        Arguments.of("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        Arguments.of("-2+3", "'-2+3"),
        Arguments.of("@SUM(1+1)", "'@SUM(1+1)"),
        Arguments.of("/cgi-bin/phf", "/cgi-bin/phf"),
        Arguments.of("surf.wil.net", "surf.wil.net"),
        Arguments.of("'quoted", "'quoted"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cells")
  void textThatASpreadsheetWouldRunGetsAnApostrophe(String text, String cell) {
    assertEquals(cell, CsvCells.neutralise(text));
    assertEquals(text, CsvInput.restore(cell), "reading back undoes it");
  }

  @Test
  void tabAndCarriageReturnLeadsAreEscapedSoNoFormulaCanFollowThem() {
    assertEquals("\\x09=x", CsvCells.neutralise("\t=x"));
    assertEquals("\\x0dx", CsvCells.neutralise("\rx"));
  }

  @Test
  void everyControlCharacterInACellIsWrittenAsAnEscape() throws IOException {
    String raw = "GET /\u001b[31mred\tcol\u0000nul\u007fdel\u0007bel\r\nnext 日本";
    String written = "GET /\\x1b[31mred\\x09col\\x00nul\\x7fdel\\x07bel\\x0d\\x0anext 日本";
    assertEquals(written, CsvCells.neutralise(raw));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.open(out, List.of("line", "agent"), false)) {
      csv.row(raw, "-\tx");
    }
    byte[] bytes = out.toByteArray();
    for (byte b : bytes) {
      int u = b & 0xff;
      assertTrue(
          (u >= 0x20 && u != 0x7f) || u == '\r' || u == '\n',
          "a raw control byte " + u + " in the file");
    }
    Map<String, String> row =
        CsvInput.read(new ByteArrayInputStream(bytes), "t.csv", List.of("line")).get(0);
    assertEquals(written, row.get("line"));
    assertEquals("-\\x09x", row.get("agent"), "the escaped cell reads back as written");
  }

  @Test
  void writesRfc4180WithAByteOrderMarkNumbersAsNumbersAndNullAsEmpty() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.open(out, List.of("host", "bytes", "line"), true)) {
      csv.row("surf.wil.net", -1L, "a \"quoted\", line");
      csv.row("=evil", null, "x");
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        "\uFEFFhost,bytes,line\r\n"
            + "surf.wil.net,-1,\"a \"\"quoted\"\", line\"\r\n"
            + "'=evil,,x\r\n",
        text);
    List<Map<String, String>> rows =
        CsvInput.read(new ByteArrayInputStream(out.toByteArray()), "t.csv", List.of("host"));
    assertEquals("=evil", rows.get(1).get("host"));
    assertEquals("a \"quoted\", line", rows.get(0).get("line"));
  }

  @Test
  void cellsLongerThanTheWritersBufferAndManyRowsReadBackWhole() throws IOException {
    // Quotes, commas and characters of two to four UTF-8 bytes, across many blocks.
    String wide = "\"quoted\", \u00E9\u65E5\uD83D\uDE00 ".repeat(3_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rows = 5_000;
    try (CsvWriter csv = CsvWriter.open(out, List.of("n", "text", "wide"), false)) {
      for (long n = 0; n < rows; n++) {
        csv.row(n, "row " + n + ", \"" + n + "\"", n % 1_000 == 0 ? wide : "");
      }
      assertEquals(rows, csv.rows());
    }
    List<Map<String, String>> back =
        CsvInput.read(
            new ByteArrayInputStream(out.toByteArray()), "t.csv", List.of("n", "text", "wide"));
    assertEquals(rows, back.size());
    for (int n = 0; n < rows; n++) {
      Map<String, String> row = back.get(n);
      assertEquals(Long.toString(n), row.get("n"));
      assertEquals("row " + n + ", \"" + n + "\"", row.get("text"));
      assertEquals(n % 1_000 == 0 ? wide : "", row.get("wide"), "row " + n);
    }
  }

  @Test
  void aLineIsTheBytesAWriterWritesForTheSameRow() throws IOException {
    Object[][] rows = {
      {"192.0.2.7", "15,21", "2025-10-01T05:52:46Z", "GET /cgi-bin/phf \"x, y\""},
      {"=cmd|' /C calc'!A0", null, 404L, "\u65E5\u672C\uD83D\uDE00 tab\tend"},
      {"", true, "line\r\nbreak", "\uD800 lone surrogate"},
    };
    for (Object[] row : rows) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (CsvWriter csv = CsvWriter.continuation(out, row.length)) {
        csv.row(row);
      }
      assertArrayEquals(out.toByteArray(), CsvWriter.line(row).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRowMustFitTheHeader() throws IOException {
    try (CsvWriter csv = CsvWriter.open(new ByteArrayOutputStream(), List.of("a", "b"), false)) {
      assertThrows(IllegalArgumentException.class, () -> csv.row("only one"));
    }
  }
}
