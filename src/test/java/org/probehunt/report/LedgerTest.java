package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger read back as probehunt writes it, its errors, and the status rule in log time. */
class LedgerTest {
  private static final String FIRST = "1998-11-23T19:21:20+09:00";
  private static final String LAST = "1998-11-23T19:52:17+09:00";

  /** A ledger written the way runs write it, through CsvWriter, with these rows. */
  private static byte[] written(boolean bom, Object[]... rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.open(out, Ledger.COLUMNS, bom)) {
      for (Object[] row : rows) {
        csv.row(row);
      }
    }
    return out.toByteArray();
  }

  private static Object[] row(String host, String first, String last, String status) {
    return new Object[] {
      "2026-12-03T03:17:10Z",
      host,
      "wil.net",
      first,
      last,
      3L,
      "phf;test-cgi",
      "c-1234",
      status,
      "file:/reports/1998-11",
      "file:/reports/1998-11/notices/wil.net.en.eml;file:/reports/1998-11/notices/wil.net.ja.eml"
    };
  }

  private static Ledger read(byte[] bytes) throws Exception {
    return Ledger.read(new ByteArrayInputStream(bytes), "ledger.csv");
  }

  private static Ledger read(String text) throws Exception {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long epoch(String time) {
    return OffsetDateTime.parse(time).toEpochSecond();
  }

  @Test
  void aWrittenLedgerIsReadBackWithTheLatestReportOfEachHost() throws Exception {
    String later = "1998-12-20T10:00:00+09:00";
    Ledger ledger =
        read(
            written(
                true,
                row("surf.wil.net", FIRST, LAST, "new"),
                row("surf.wil.net", "1998-12-01T00:00:00+09:00", later, "again"),
                row("=cmd|' /C calc'!A0", FIRST, LAST, "new")));
    assertEquals(3, ledger.size());
    assertEquals(later, ledger.latest("surf.wil.net").lastSeen());
    assertEquals("2026-12-03", ledger.latest("surf.wil.net").recordedDay());
    assertEquals("file:/reports/1998-11", ledger.latest("surf.wil.net").folder());
    // The cell was neutralised on the way out and restored on the way in.
    assertEquals(LAST, ledger.latest("=cmd|' /C calc'!A0").lastSeen());
    assertNull(ledger.latest("other.example"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // probe time, quiet days, status: the report covers 19:21:20 to 19:52:17 on 1998-11-23
    "1998-11-23T19:30:00+09:00, 30, known", // inside the period: the same month run again
    "1998-11-23T19:52:17+09:00, 30, known", // its very last request
    "1998-11-23T19:52:18+09:00, 30, again", // a second after it: probing again
    "1998-12-23T19:52:17+09:00, 30, again", // a month later
    "1998-10-24T19:21:20+09:00, 30, known", // thirty days before the period: quiet
    "1998-10-24T19:21:19+09:00, 30, again", // a second more than thirty days before
    "1998-10-24T19:21:19+09:00, 31, known", // ... which 31 quiet days cover
    "1998-11-23T19:21:19+09:00, 0, again", // no quiet days: only the period itself
  })
  void statusComparesTheNewestProbeWithTheReportedPeriod(String probe, int days, String status)
      throws Exception {
    Ledger ledger = read(written(false, row("surf.wil.net", FIRST, LAST, "new")));
    assertEquals(status, ledger.status("surf.wil.net", epoch(probe), days));
    assertEquals(Ledger.NEW, ledger.status("other.example", epoch(probe), days));
  }

  @Test
  void theRowsOfOneReportFolderCanBeLeftOut() throws Exception {
    Object[] elsewhere = row("surf.wil.net", FIRST, LAST, "new");
    elsewhere[9] = "file:/reports/other";
    Ledger ledger = read(written(false, row("surf.wil.net", FIRST, LAST, "new"), elsewhere));
    assertEquals(Ledger.KNOWN, ledger.status("surf.wil.net", epoch(LAST), 30));
    Ledger without = ledger.without("file:/reports/1998-11");
    assertEquals("file:/reports/other", without.latest("surf.wil.net").folder());
    assertEquals(
        Ledger.NEW,
        ledger
            .without("file:/reports/1998-11")
            .without("file:/reports/other")
            .status("surf.wil.net", epoch(LAST), 30));
  }

  @Test
  void anEmptyFileOrAHeaderAloneHoldsNothing() throws Exception {
    assertEquals(0, read("").size());
    assertEquals(0, read(written(true)).size());
  }

  static Stream<Arguments> badLedgers() {
    return Stream.of(
        Arguments.of("host,when\r\n", "ledger.csv:1: not a probehunt ledger"),
        Arguments.of(
            "HEADER\r\nROW\r\nx, ,wil.net,x,x,3,phf,c,new,f,d\r\n", "ledger.csv:3: no host"),
        Arguments.of(
            "HEADER\r\nROW\r\nROW\r\n2026,h,c,1998-11-23,x,3,phf,c,new,f,d\r\n",
            "ledger.csv:4: first_seen '1998-11-23' is not a time"),
        Arguments.of(
            "HEADER\r\nROW\r\nBADPROBES\r\n", "ledger.csv:3: probes 'many' is not a number"),
        Arguments.of("HEADER\r\nBADSTATUS\r\n", "ledger.csv:2: status 'known' is not new or again"),
        Arguments.of("HEADER\r\nROW\r\nh,x\r\n", "ledger.csv:3: 2 cells, the header has 11"),
        // A quoted cell that spans lines is one row; the unclosed quote after it is line 5.
        Arguments.of("HEADER\r\n\"a\r\nb\",x\r\nROW\r\n\"unclosed", "ledger.csv:2: 2 cells"),
        Arguments.of("HEADER\r\nROW\r\nROW\r\nROW\r\n\"unclosed", "ledger.csv:5: not readable"));
  }

  @ParameterizedTest
  @MethodSource("badLedgers")
  void aBadLedgerIsNamedByFileAndLine(String text, String expected) throws Exception {
    String row = lineOf(row("surf.wil.net", FIRST, LAST, "new"));
    Object[] badProbes = row("surf.wil.net", FIRST, LAST, "new");
    badProbes[5] = "many";
    Object[] badStatus = row("surf.wil.net", FIRST, LAST, "known");
    String content =
        text.replace("HEADER", String.join(",", Ledger.COLUMNS))
            .replace("BADPROBES", lineOf(badProbes))
            .replace("BADSTATUS", lineOf(badStatus))
            .replace("ROW", row);
    LedgerException e = assertThrows(LedgerException.class, () -> read(content));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
  }

  /** One row as the ledger file holds it, without its line end. */
  private static String lineOf(Object[] row) throws IOException {
    String text = new String(written(false, row), StandardCharsets.UTF_8);
    return List.of(text.split("\r\n")).get(1);
  }
}
