package org.probehunt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Small files that ask a decoder for a great deal of memory, written for real: an xz stream that
 * declares a 1.5 GiB dictionary, a zstd frame with a 2 GiB window, a tar.gz whose PAX header is a
 * gigabyte, gzip files of huge lines. Each is what an attacker or a broken disk leaves behind.
 */
public final class Bombs {
  private Bombs() {}

  /** An xz file of {@code lines} whose block header declares a 1.5 GiB LZMA2 dictionary. */
  public static Path xzHugeDictionary(Path file, List<String> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream xz = new XZOutputStream(out, new LZMA2Options(0))) {
      xz.write(LogFiles.text(lines));
    }
    byte[] data = out.toByteArray();
    int header = 12; // the stream header
    int headerSize = ((data[header] & 0xff) + 1) * 4;
    int flags = data[header + 1] & 0xff;
    int at = header + 2;
    for (int sizes = Integer.bitCount(flags & 0xc0); sizes > 0; sizes--) {
      while ((data[at++] & 0x80) != 0) {
        // skip a variable-length size
      }
    }
    if (data[at] != 0x21 || data[at + 1] != 1) {
      throw new IllegalStateException("not one LZMA2 filter");
    }
    data[at + 2] = 37; // dictionary size 3 << 29 = 1.5 GiB
    CRC32 crc = new CRC32();
    crc.update(data, header, headerSize - 4);
    long value = crc.getValue();
    for (int i = 0; i < 4; i++) {
      data[header + headerSize - 4 + i] = (byte) (value >>> (8 * i));
    }
    Files.createDirectories(file.getParent());
    return Files.write(file, data);
  }

  /** One zstd frame holding {@code text} in a raw block, declaring a window of 2^windowLog. */
  public static Path zstdWindow(Path file, String text, int windowLog) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
    out.write(0); // no content size, no checksum, no dictionary: the window descriptor follows
    out.write((windowLog - 10) << 3);
    int block = 1 | (body.length << 3); // the last block, raw
    out.writeBytes(new byte[] {(byte) block, (byte) (block >> 8), (byte) (block >> 16)});
    out.writeBytes(body);
    Files.createDirectories(file.getParent());
    return Files.write(file, out.toByteArray());
  }

  /**
   * A tar.gz: {@code first} as access_log, then a PAX header of {@code paxBytes} bytes (written out
   * in full: gzip makes it about a thousandth of that), then another access_log member.
   */
  public static Path paxBomb(Path file, List<String> first, long paxBytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
      member(tar, "access_log", LogFiles.text(first));
      tar.flush();
      gz.write(paxHeader(paxBytes));
      byte[] chunk = new byte[1 << 20];
      String record = paxBytes + " path=";
      byte[] start = record.getBytes(StandardCharsets.US_ASCII);
      gz.write(start);
      Arrays.fill(chunk, (byte) 'a');
      long left = paxBytes - start.length - 1;
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        gz.write(chunk, 0, n);
        left -= n;
      }
      gz.write('\n');
      gz.write(new byte[(int) ((512 - paxBytes % 512) % 512)]);
      // Commons Compress's writer is done with: the rest is a member and the end marker.
      TarArchiveOutputStream rest = new TarArchiveOutputStream(gz);
      member(rest, "access_log.after", LogFiles.text(first));
      rest.finish();
    }
    return file;
  }

  /**
   * A tar.gz whose first member, access_log.gz, is a gzip header naming itself with {@code
   * nameBytes} bytes and no end; then {@code after} as access_log.
   */
  public static Path gzipNameBomb(Path file, long nameBytes, List<String> after)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      TarArchiveEntry entry = new TarArchiveEntry("access_log.gz");
      entry.setSize(10 + nameBytes);
      tar.putArchiveEntry(entry);
      tar.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3}); // FNAME set
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'n');
      for (long left = nameBytes; left > 0; left -= chunk.length) {
        tar.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      tar.closeArchiveEntry();
      member(tar, "access_log", LogFiles.text(after));
    }
    return file;
  }

  private static void member(TarArchiveOutputStream tar, String name, byte[] data)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static byte[] paxHeader(long size) {
    byte[] h = new byte[512];
    put(h, 0, "././@PaxHeader");
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, String.format("%011o", size) + "\0");
    put(h, 136, "00000000000\0");
    h[156] = 'x';
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    Arrays.fill(h, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum) + "\0 ");
    return h;
  }

  private static void put(byte[] header, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, at, bytes.length);
  }

  /**
   * A gzip of {@code count} lines of {@code lineBytes} bytes of {@code fill}, then {@code tail}.
   */
  public static Path hugeLines(Path file, int count, int lineBytes, byte fill, List<String> tail)
      throws IOException {
    Files.createDirectories(file.getParent());
    byte[] line = new byte[lineBytes + 1];
    Arrays.fill(line, fill);
    line[lineBytes] = '\n';
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < count; i++) {
        gz.write(line);
      }
      gz.write(LogFiles.text(tail));
    }
    return file;
  }
}
