package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.input.Fixtures.ascii;
import static org.probehunt.input.Fixtures.members;
import static org.probehunt.input.Fixtures.readAll;
import static org.probehunt.input.Fixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tar and zip archives: one entry per member, skipped members named, damage stops the walk. */
class LogReaderArchiveTest {

  @TempDir Path dir;

  private final Map<String, byte[]> members;

  LogReaderArchiveTest() throws IOException {
    members =
        members(
            "logs/", "",
            "logs/access_log", "l1\nl2\n",
            "logs/access_log.1.gz", Fixtures.gzip(ascii("g1\ng2\ng3\n")),
            "logs/index.html", "<html>",
            "logs/error_log", "[error]",
            "logs/._access_log", "mac resource fork",
            "logs/old.tar", "nested",
            "logs/ssl_access_log.2025-10-01", "s1");
  }

  private static String source(Path archive, String member) {
    return Fixtures.hadoop(archive) + "!" + member;
  }

  private void assertMembers(Path archive, Compression outer, Container container)
      throws IOException {
    List<Fixtures.Read> reads = readAll(archive);
    List<String> sources = reads.stream().map(Fixtures.Read::source).toList();
    assertEquals(members.keySet().stream().map(m -> source(archive, m)).toList(), sources);
    assertEquals(
        List.of(
            "directory",
            "not an access log name",
            "not an access log name",
            "hidden file",
            "nested archive (not opened)"),
        reads.stream().map(Fixtures.Read::skipReason).filter(r -> r != null).toList());
    assertEquals(List.of("l1", "l2"), reads.get(1).lines());
    assertEquals(outer, reads.get(1).compression());
    assertEquals(List.of("g1", "g2", "g3"), reads.get(2).lines());
    assertEquals(Compression.GZIP, reads.get(2).compression());
    assertEquals(List.of("s1"), reads.get(7).lines());
    for (Fixtures.Read read : reads) {
      assertEquals(container, read.container(), read::toString);
      EntryStatus want = read.skipReason() == null ? EntryStatus.OK : EntryStatus.SKIPPED;
      assertEquals(want, read.status(), read::toString);
      if (read.skipReason() != null) {
        assertEquals(List.of(), read.lines());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void tarUnderEveryCodec(Compression codec) throws IOException {
    byte[] tar = Fixtures.tar(members);
    byte[] data =
        switch (codec) {
          case NONE -> tar;
          case GZIP -> Fixtures.gzip(tar);
          case BZIP2 -> Fixtures.bzip2(tar);
          case XZ -> Fixtures.xz(tar);
          case ZSTD -> Fixtures.zstd(tar);
          case COMPRESS -> Fixtures.compress(tar);
          case LZ4 -> Fixtures.lz4(tar);
        };
    assertMembers(write(dir, "logs." + codec.label(), data), codec, Container.TAR);
  }

  @Test
  void zipReadAsAStream() throws IOException {
    assertMembers(write(dir, "logs.zip", Fixtures.zip(members)), Compression.NONE, Container.ZIP);
  }

  @Test
  void truncatedTarStopsInTheDamagedMember() throws IOException {
    List<String> lines = Fixtures.logLines(3000);
    byte[] tar =
        Fixtures.tar(
            members(
                "a/access_log.1",
                "one\n",
                "a/access_log.2",
                Fixtures.joined(lines),
                "a/access_log.3",
                "three\n"));
    int cut = 512 * 3 + 100_000;
    List<Fixtures.Read> reads = readAll(write(dir, "cut.tar", Arrays.copyOf(tar, cut)));
    assertEquals(2, reads.size(), reads::toString);
    assertEquals(EntryStatus.OK, reads.get(0).status());
    Fixtures.Read damaged = reads.get(1);
    assertEquals(EntryStatus.TRUNCATED, damaged.status());
    assertTrue(
        damaged.message().startsWith("unexpected end of tar data after 100000 bytes"),
        damaged.message());
    String text =
        new String(
            Fixtures.joined(lines), 0, 100_000, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals(List.of(text.split("\n", -1)), damaged.lines());
  }

  @Test
  void tarCutBetweenMembersIsTruncatedNotQuietlyShort() throws IOException {
    byte[] tar = Fixtures.tar(members("access_log.1", "one\n", "access_log.2", "two\n"));
    Path file = write(dir, "short.tar", Arrays.copyOf(tar, 1024 + 100));
    List<Fixtures.Read> reads = readAll(file);
    assertEquals(2, reads.size(), reads::toString);
    assertEquals(List.of("one"), reads.get(0).lines());
    assertEquals(Fixtures.hadoop(file).toString(), reads.get(1).source());
    assertEquals(EntryStatus.TRUNCATED, reads.get(1).status());
    assertEquals(
        "tar archive ends without its end-of-archive marker after 1124 bytes; "
            + "last member read: access_log.1",
        reads.get(1).message());
  }

  @Test
  void damagedZipMemberEndsTheArchive() throws IOException {
    byte[] zip =
        Fixtures.zip(
            members(
                "access.log",
                "ok\n",
                "access.log.1",
                Fixtures.joined(Fixtures.logLines(5000)),
                "access.log.2",
                "never\n"));
    int second = indexOf(zip, ascii("access.log.1")) + 12;
    for (int i = second + 2000; i < second + 2100; i++) {
      zip[i] ^= 0x33;
    }
    List<Fixtures.Read> reads = readAll(write(dir, "bad.zip", zip));
    assertEquals(2, reads.size(), reads::toString);
    assertEquals(List.of("ok"), reads.get(0).lines());
    assertEquals(EntryStatus.CORRUPT, reads.get(1).status(), reads.get(1).message());
    assertTrue(reads.get(1).message().startsWith("corrupt zip data after "));
  }

  @Test
  void damagedGzipMemberInsideAnIntactTarLetsTheNextMemberBeRead() throws IOException {
    byte[] gz = Fixtures.gzip(Fixtures.joined(Fixtures.logLines(2000)));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    List<Fixtures.Read> reads =
        readAll(
            write(
                dir,
                "mixed.tgz",
                Fixtures.gzip(
                    Fixtures.tar(members("access_log.2.gz", cut, "access_log.1", "after\n")))));
    assertEquals(2, reads.size(), reads::toString);
    assertEquals(EntryStatus.TRUNCATED, reads.get(0).status());
    assertTrue(reads.get(0).message().startsWith("unexpected end of gzip data"));
    assertEquals(List.of("after"), reads.get(1).lines());
    assertEquals(EntryStatus.OK, reads.get(1).status());
  }

  @Test
  void controlCharactersInMemberNamesAreEscaped() throws IOException {
    Path file = write(dir, "odd.tar", Fixtures.tar(members("access\u001b[31m.log", "x\n")));
    List<Fixtures.Read> reads = readAll(file);
    Fixtures.Read read = reads.get(0);
    assertEquals(1, reads.size(), reads::toString);
    assertEquals(source(file, "access\\x1b[31m.log"), read.source());
    assertEquals(List.of("x"), read.lines());
    assertNull(read.message());
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
