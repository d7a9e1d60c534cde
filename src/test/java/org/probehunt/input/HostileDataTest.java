package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Bombs;

/**
 * Small files that would make a decoder take gigabytes: each is refused with the limit and the
 * setting that raises it, or cut at the line cap, before anything large is buffered.
 */
class HostileDataTest {
  private static final List<String> LOG = Fixtures.logLines(3);

  @TempDir Path dir;

  @Test
  void anXzFileDeclaringAHugeDictionaryIsRefused() throws IOException {
    Path xz = Bombs.xzHugeDictionary(dir.resolve("access_log.xz"), LOG);
    assertTrue(xz.toFile().length() < 400, "a tiny file: " + xz.toFile().length());
    Fixtures.Read read = Fixtures.readAll(xz).get(0);
    assertEquals(EntryStatus.REFUSED, read.status(), read.toString());
    assertTrue(read.message().contains("1537 MiB of memory"), read.message());
    assertTrue(
        read.message().contains("over the limit of 128 MiB; --max-decoder-memory raises it"),
        read.message());
    assertEquals(List.of(), read.lines());
    assertTrue(EntryStatus.REFUSED.isDamage(), "a refused file makes the run exit 3");
  }

  @Test
  void aZstdFrameWithAWindowOverTheLimitIsRefusedAndASmallOneRead() throws IOException {
    Fixtures.Read big =
        Fixtures.readAll(Bombs.zstdWindow(dir.resolve("a.zst"), "hello\n", 31)).get(0);
    assertEquals(EntryStatus.REFUSED, big.status(), big.toString());
    assertTrue(big.message().contains("needs a window, over the limit of 128 MiB"), big.message());
    assertTrue(big.message().contains("--max-decoder-memory"), big.message());
    Fixtures.Read small =
        Fixtures.readAll(Bombs.zstdWindow(dir.resolve("b.zst"), "hello\n", 20)).get(0);
    assertEquals(EntryStatus.OK, small.status(), small.toString());
    assertEquals(List.of("hello"), small.lines());
    Fixtures.Read raised =
        Fixtures.readAll(
                Bombs.zstdWindow(dir.resolve("c.zst"), "hello\n", 28),
                ReadOptions.defaults().withMaxDecoderBytes(256L << 20))
            .get(0);
    assertEquals(List.of("hello"), raised.lines(), "the setting raises the limit: " + raised);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTarWithAGigabytePaxHeaderIsRefusedAfterTheMembersBeforeIt() throws IOException {
    Path tgz = Bombs.paxBomb(dir.resolve("logs.tar.gz"), LOG, 1_288_490_188L);
    assertTrue(tgz.toFile().length() < 4_000_000, "about a megabyte: " + tgz.toFile().length());
    List<Fixtures.Read> reads = Fixtures.readAll(tgz);
    assertEquals(2, reads.size(), reads.toString());
    assertEquals(LOG, reads.get(0).lines());
    Fixtures.Read bomb = reads.get(1);
    assertEquals(EntryStatus.REFUSED, bomb.status(), bomb.toString());
    assertTrue(bomb.message().contains("of 1288490188 bytes"), bomb.message());
    assertTrue(bomb.message().contains("--max-decoder-memory"), bomb.message());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aGzipMemberNamingItselfWithHundredsOfMegabytesIsRefusedAndTheNextRead() throws IOException {
    Path tgz = Bombs.gzipNameBomb(dir.resolve("logs.tar.gz"), 300L << 20, LOG);
    List<Fixtures.Read> reads = Fixtures.readAll(tgz);
    assertEquals(2, reads.size(), reads.toString());
    assertEquals(EntryStatus.REFUSED, reads.get(0).status(), reads.get(0).toString());
    assertTrue(reads.get(0).message().contains("gzip header"), reads.get(0).message());
    assertTrue(reads.get(0).message().contains("--max-decoder-memory"), reads.get(0).message());
    assertEquals(LOG, reads.get(1).lines());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void linesOfTwoMebibytesAndOfNulBytesAreKeptAsShortExcerpts() throws IOException {
    Path gz = Bombs.hugeLines(dir.resolve("access_log.gz"), 512, 2 << 20, (byte) 'x', LOG);
    List<Fixtures.Read> reads = Fixtures.readAll(gz, ReadOptions.defaults());
    checkCut(reads.get(0), 512);

    Path nul = Bombs.hugeLines(dir.resolve("access_log.1.gz"), 64, 2 << 20, (byte) 0, LOG);
    Fixtures.Read nuls = Fixtures.readAll(nul).get(0);
    // Each NUL is written \x00: the excerpt counts the characters written, not the bytes read.
    checkCut(nuls, 64);
    assertTrue(nuls.lines().get(0).startsWith("\\x00\\x00"), nuls.lines().get(0).substring(0, 8));
  }

  /** Lines over the cap are kept as their first 16 KiB of characters, escapes counted. */
  private static void checkCut(Fixtures.Read read, int huge) {
    int cap = LineReader.OVERLONG_EXCERPT;
    assertEquals(EntryStatus.OK, read.status(), read.message());
    assertEquals(huge + LOG.size(), read.lines().size());
    for (int i = 0; i < huge; i++) {
      assertTrue(read.lines().get(i).length() <= cap, "line " + (i + 1) + " within the cap");
      assertTrue(read.lines().get(i).length() > cap - 4, "line " + (i + 1) + " cut at the cap");
    }
    assertEquals(huge, read.truncatedLines().size());
    assertEquals(LOG, read.lines().subList(huge, read.lines().size()));
  }
}
