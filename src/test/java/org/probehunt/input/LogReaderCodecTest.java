package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.input.Fixtures.ascii;
import static org.probehunt.input.Fixtures.joined;
import static org.probehunt.input.Fixtures.readAll;
import static org.probehunt.input.Fixtures.write;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain and compressed files, intact and damaged, read through Hadoop's local file system. */
class LogReaderCodecTest {

  @TempDir Path dir;

  private Fixtures.Read only(Path file) throws IOException {
    List<Fixtures.Read> reads = readAll(file);
    assertEquals(1, reads.size(), () -> "entries of " + file + ": " + reads);
    return reads.get(0);
  }

  @Test
  void gzipMembersAreReadToTheEnd() throws IOException {
    Path file = write(dir, "access_log.2.gz", Fixtures.gzip(ascii("a\nb\n"), ascii("c\n")));
    Fixtures.Read read = only(file);
    assertEquals(List.of("a", "b", "c"), read.lines());
    assertEquals(Compression.GZIP, read.compression());
    assertEquals(Container.NONE, read.container());
    assertEquals(EntryStatus.OK, read.status());
    assertNull(read.message());
    assertEquals(Fixtures.hadoop(file).toString(), read.source());
  }

  @Test
  void gzipIsKnownByItsBytesNotItsName() throws IOException {
    Fixtures.Read read = only(write(dir, "access_log", Fixtures.gzip(ascii("x y\n"))));
    assertEquals(Compression.GZIP, read.compression());
    assertEquals(List.of("x y"), read.lines());
  }

  @Test
  void otherCodecsIncludingConcatenatedStreams() throws IOException {
    byte[] one = ascii("one\n");
    byte[] two = ascii("two\n");
    Fixtures.Read bz =
        only(write(dir, "a.bz2", Fixtures.concat(Fixtures.bzip2(one), Fixtures.bzip2(two))));
    Fixtures.Read xz =
        only(write(dir, "a.xz", Fixtures.concat(Fixtures.xz(one), Fixtures.xz(two))));
    Fixtures.Read zs =
        only(write(dir, "a.zst", Fixtures.concat(Fixtures.zstd(one), Fixtures.zstd(two))));
    assertEquals(Compression.BZIP2, bz.compression());
    assertEquals(Compression.XZ, xz.compression());
    assertEquals(Compression.ZSTD, zs.compression());
    for (Fixtures.Read read : List.of(bz, xz, zs)) {
      assertEquals(List.of("one", "two"), read.lines(), read::toString);
      assertEquals(EntryStatus.OK, read.status(), read::toString);
    }
  }

  @Test
  void unixCompressAndLz4FramesAreKnownByTheirBytes() throws IOException {
    List<String> lines = Fixtures.logLines(3_000);
    byte[] text = joined(lines);
    // Named as they come, and named as nothing: the bytes decide.
    for (String name : List.of("access_log.1.Z", "access_log.2")) {
      Fixtures.Read z = only(write(dir, name, Fixtures.compress(text)));
      assertEquals(Compression.COMPRESS, z.compression(), name);
      assertEquals(lines, z.lines(), name);
      assertEquals(EntryStatus.OK, z.status(), name);
    }
    byte[] half = joined(lines.subList(0, 1_000));
    byte[] rest = joined(lines.subList(1_000, lines.size()));
    for (String name : List.of("access_log.3.lz4", "access_log.4")) {
      Fixtures.Read lz =
          only(write(dir, name, Fixtures.concat(Fixtures.lz4(half), Fixtures.lz4(rest))));
      assertEquals(Compression.LZ4, lz.compression(), name);
      assertEquals(lines, lz.lines(), "concatenated frames are read to the end: " + name);
      assertEquals(EntryStatus.OK, lz.status(), name);
    }
  }

  @Test
  void truncatedGzipDeliversExactlyTheReadablePrefix() throws IOException {
    List<String> lines = Fixtures.logLines(20_000);
    byte[] whole = Fixtures.gzip(joined(lines));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    Fixtures.Read read = only(write(dir, "access_log.1.gz", cut));

    byte[] prefix = inflatablePrefix(cut);
    String text = new String(prefix, java.nio.charset.StandardCharsets.ISO_8859_1);
    List<String> expected = List.of(text.split("\n", -1));
    if (text.endsWith("\n")) {
      expected = expected.subList(0, expected.size() - 1);
    }
    assertTrue(expected.size() > 1000 && expected.size() < 20_000, "prefix " + expected.size());
    assertEquals(expected.size(), read.lines().size(), "lines in the readable prefix");
    assertEquals(expected.get(expected.size() - 1), read.lines().get(expected.size() - 1));
    assertTrue(expected.equals(read.lines()), "the prefix lines differ");
    int complete = expected.size() - 1;
    assertTrue(
        lines.subList(0, complete).equals(expected.subList(0, complete)), "whole lines differ");
    assertEquals(EntryStatus.TRUNCATED, read.status());
    assertEquals("unexpected end of gzip data after " + prefix.length + " bytes", read.message());
  }

  /** What the JDK's own gzip reader gets out of a cut file before it gives up. */
  private static byte[] inflatablePrefix(byte[] gz) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
    } catch (EOFException expected) {
      return out.toByteArray();
    }
    throw new AssertionError("the cut gzip file read to the end");
  }

  @Test
  void corruptBzip2BlockEndsTheEntryAsCorrupt() throws IOException {
    List<String> lines = Fixtures.logLines(30_000);
    byte[] bz = Fixtures.bzip2(joined(lines));
    for (int i = bz.length * 3 / 4; i < bz.length * 3 / 4 + 64; i++) {
      bz[i] ^= 0x5a;
    }
    Fixtures.Read read = only(write(dir, "access_log.bz2", bz));
    assertEquals(EntryStatus.CORRUPT, read.status(), read.message());
    assertTrue(read.message().startsWith("corrupt bzip2 data after "), read.message());
    assertTrue(read.lines().size() > 1000, "lines before the damage: " + read.lines().size());
    assertTrue(lines.subList(0, 1000).equals(read.lines().subList(0, 1000)), "first lines differ");
  }

  /**
   * A bzip2 block that still decodes, but to garbage, fails only its CRC, after all of it was
   * handed out: its bytes are left out, the blocks before it are read whole, and the message says
   * so.
   */
  @Test
  void aDamagedBzip2BlocksGarbageIsLeftOut() throws IOException {
    List<String> lines = Fixtures.logLines(6_000); // about 6 blocks of 100 kB
    byte[] text = joined(lines);
    byte[] bz = Fixtures.bzip2(text);
    byte[] damaged = null;
    byte[] garbage = null;
    // The first bit flip past the middle that the decoder takes for data, not for a bad table.
    for (int i = bz.length / 2; damaged == null && i < bz.length / 2 + 200; i++) {
      byte[] copy = bz.clone();
      copy[i] ^= 0x10;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(copy))) {
        in.transferTo(out);
      } catch (IOException e) {
        if (String.valueOf(e.getMessage()).contains("CRC")) {
          damaged = copy;
          garbage = out.toByteArray();
        }
      }
    }
    assertTrue(damaged != null, "no bit flip gave a CRC error");
    int same = Arrays.mismatch(garbage, text);
    assertTrue(same > 0 && same < garbage.length, "the plain decoder hands out the bad block");

    Fixtures.Read read = only(write(dir, "access_log.bz2", damaged));
    assertEquals(EntryStatus.CORRUPT, read.status(), read.message());
    assertTrue(read.message().contains("CRC"), read.message());
    assertTrue(read.message().contains("decoded from the damaged block are left out"));
    List<String> got = read.lines();
    assertTrue(got.size() > 1_000, "the blocks before the damage: " + got.size());
    assertTrue(got.size() < lines.size(), got.size() + " lines");
    int whole = got.size() - 1; // the last may be cut where the damaged block began
    assertEquals(lines.subList(0, whole), got.subList(0, whole), "only intact lines");
    assertTrue(lines.get(whole).startsWith(got.get(whole)), got.get(whole));
    long kept = got.stream().mapToLong(l -> l.length() + 1).sum();
    assertTrue(kept <= same + 1, "nothing of the damaged block: " + kept + " > " + same);
  }

  @Test
  void gzipWithOnlyAHeaderIsTruncated() throws IOException {
    byte[] header = Arrays.copyOf(Fixtures.gzip(ascii("lost\n")), 10);
    Fixtures.Read read = only(write(dir, "access_log.3.gz", header));
    assertEquals(Compression.GZIP, read.compression());
    assertEquals(List.of(), read.lines());
    assertEquals(EntryStatus.TRUNCATED, read.status());
    assertEquals("unexpected end of gzip data after 0 bytes", read.message());
  }

  @Test
  void emptyFileIsTruncatedOnlyWhenItsNamePromisesCompression() throws IOException {
    Fixtures.Read gz = only(write(dir, "access_log.4.gz", new byte[0]));
    assertEquals(EntryStatus.TRUNCATED, gz.status());
    assertEquals("empty file, but its name promises compressed data", gz.message());
    Fixtures.Read plain = only(write(dir, "access_log", new byte[0]));
    assertEquals(EntryStatus.OK, plain.status());
    assertEquals(List.of(), plain.lines());
  }

  @Test
  void missingFileIsOneUnreadableEntry() throws IOException {
    Fixtures.Read read = only(dir.resolve("no_such_access_log"));
    assertEquals(EntryStatus.UNREADABLE, read.status());
    assertTrue(read.message().contains("no_such_access_log"), read.message());
    assertEquals(List.of(), read.lines());
  }
}
