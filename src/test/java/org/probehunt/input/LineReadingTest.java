package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probehunt.input.Fixtures.ascii;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Line splitting, line ends, escaping and the line length cap. */
class LineReadingTest {

  @TempDir Path dir;

  private Fixtures.Read read(byte[] data, ReadOptions options) throws IOException {
    List<Fixtures.Read> reads = Fixtures.readAll(Fixtures.write(dir, "access_log", data), options);
    assertEquals(1, reads.size());
    assertEquals(EntryStatus.OK, reads.get(0).status());
    return reads.get(0);
  }

  private List<String> lines(byte[] data) throws IOException {
    return read(data, ReadOptions.defaults()).lines();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\nb\\n       | a,b",
        "a\\nb          | a,b",
        "a\\r\\nb\\r\\n | a,b",
        "a\\n\\nb\\n    | a,,b",
        "\\n            | ''",
        "a\\rb\\n       | a,b",
        "a\\r           | a",
        "a\\rb\\rc      | a,b,c",
        "a\\r\\rb\\r    | a,,b",
        "a\\r\\r\\nb    | a,,b",
        "a\\n\\rb\\r\\nc | a,,b,c",
      })
  void lineEnds(String input, String expected) throws IOException {
    String text = input.strip().replace("\\n", "\n").replace("\\r", "\r");
    List<String> want = List.of(expected.strip().split(",", -1));
    assertEquals(want, lines(ascii(text)), () -> "input " + input);
  }

  @Test
  void crOnlyLineEndsSplitLinesAcrossBufferBoundariesAndPastTheCap() throws IOException {
    // The first line fills the 64 KiB read buffer to its last byte, a CR: what follows decides.
    String first = "f".repeat(64 * 1024 - 1);
    String over = "o".repeat(300);
    ReadOptions cap = ReadOptions.defaults().withMaxLineBytes(200);
    Fixtures.Read read =
        read(ascii(first + "\rsecond\r" + over + "\rafter\r\nlast"), ReadOptions.defaults());
    assertEquals(List.of(first, "second", over, "after", "last"), read.lines());
    Fixtures.Read capped = read(ascii("a\r" + over + "\rb\r" + over + "\r\nc"), cap);
    assertEquals(List.of("a", "o".repeat(200), "b", "o".repeat(200), "c"), capped.lines());
    assertEquals(List.of(2L, 4L), capped.truncatedLines());
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineIsNotPartOfIt() throws IOException {
    byte[] data = {
      (byte) 0xEF,
      (byte) 0xBB,
      (byte) 0xBF,
      '1',
      '.',
      '1',
      '\n',
      (byte) 0xEF,
      (byte) 0xBB,
      (byte) 0xBF,
      '\n'
    };
    assertEquals(
        List.of("1.1", "\\xef\\xbb\\xbf"), lines(data), "only the file's first bytes are a mark");
  }

  @Test
  void emptyFileHasNoLines() throws IOException {
    assertEquals(List.of(), lines(new byte[0]));
  }

  @Test
  void bytesOutsidePrintableAsciiAreEscapedLikeApacheDoes() throws IOException {
    byte[] data = {'G', 'E', 'T', ' ', 0x00, (byte) 0xff, (byte) 0xe3, 0x7f, '\t', 0x1b, '~', '\n'};
    assertEquals(List.of("GET \\x00\\xff\\xe3\\x7f\t\\x1b~"), lines(data));
  }

  @Test
  void utf8IsKeptAsEscapedBytesNotDecoded() throws IOException {
    byte[] data = "/ä\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(List.of("/\\xc3\\xa4"), lines(data));
  }

  @Test
  void longLinesAcrossBufferBoundariesAreWhole() throws IOException {
    String big = "x".repeat(200_000);
    String eight = "y".repeat(8 * 1024 + 3);
    List<String> got = lines(ascii("a\n" + eight + "\n" + big + "\nend"));
    assertEquals(4, got.size());
    assertEquals(eight, got.get(1));
    assertEquals(big.length(), got.get(2).length());
    assertEquals("end", got.get(3));
  }

  @Test
  void overlongLinesAreCutAtTheCapAndCountedOnce() throws IOException {
    ReadOptions cap = ReadOptions.defaults().withMaxLineBytes(100);
    String over = "z".repeat(99) + "\u00ff" + "q".repeat(400);
    String exact = "e".repeat(100);
    Fixtures.Read read = read(ascii(over + "\n" + exact + "\r\nnext\n" + "w".repeat(300)), cap);
    // The escape \\xff would take the line past 100 characters: it is cut before it.
    assertEquals(List.of("z".repeat(99), exact, "next", "w".repeat(100)), read.lines());
    assertEquals(List.of(1L, 4L), read.truncatedLines());
  }

  @Test
  void overlongLineLongerThanTheBufferIsSkippedToItsEnd() throws IOException {
    ReadOptions cap = ReadOptions.defaults().withMaxLineBytes(70_000);
    String huge = "h".repeat(500_000);
    Fixtures.Read read = read(ascii("first\n" + huge + "\nlast\n"), cap);
    assertEquals(3, read.lines().size());
    assertEquals(LineReader.OVERLONG_EXCERPT, read.lines().get(1).length(), "its first 16 KiB");
    assertEquals("last", read.lines().get(2));
    assertEquals(List.of(2L), read.truncatedLines());
  }

  @Test
  void manyLinesAreCountedExactly() throws IOException {
    List<String> lines = Fixtures.logLines(50_000);
    Fixtures.Read read = read(Fixtures.gzip(Fixtures.joined(lines)), ReadOptions.defaults());
    assertEquals(lines.size(), read.lines().size());
    assertEquals(true, lines.equals(read.lines()), "lines differ");
  }

  @Test
  void randomBytesSplitAndEscapeAsAByteAtATimeReaderWould() throws IOException {
    // Lines of every length around the eight-byte words the reader skips printable text by, with
    // every kind of byte at every offset, across the 64 KiB buffer's boundaries.
    java.util.Random random = new java.util.Random(19981123);
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    data.write('x');
    byte[] kinds = {'\n', '\r', '\t', 0x7f, 0x1f, 0x20, 0x7e, (byte) 0x80, (byte) 0xe3, 0x00};
    while (data.size() < 300_000) {
      int length = random.nextInt(random.nextInt(10) == 0 ? 400 : 24);
      for (int i = 0; i < length; i++) {
        data.write(
            random.nextInt(12) == 0
                ? kinds[random.nextInt(kinds.length)]
                : 0x21 + random.nextInt(94));
      }
      data.writeBytes(ascii(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\r\n" : "\r"));
    }
    byte[] bytes = data.toByteArray();
    assertEquals(byteAtATime(bytes), lines(bytes));
  }

  /**
   * The reference: LF, CRLF and a CR alone end lines; a line with any byte but TAB and 0x20..0x7e
   * is escaped.
   */
  private static List<String> byteAtATime(byte[] bytes) {
    List<String> lines = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r';
      if (!end) {
        continue;
      }
      if (i == bytes.length && start == i) {
        break;
      }
      boolean plain = true;
      for (int j = start; j < i; j++) {
        int b = bytes[j] & 0xff;
        plain &= b == '\t' || (b >= 0x20 && b < 0x7f);
      }
      lines.add(
          plain
              ? new String(bytes, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1)
              : Escapes.bytes(bytes, start, i - start));
      if (i < bytes.length && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        i++;
      }
      start = i + 1;
    }
    return lines;
  }
}
