package org.probehunt.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Real files written with the real codecs, and a reader that collects every entry. */
final class Fixtures {

  /** Everything one entry delivered. */
  record Read(
      String source,
      Compression compression,
      Container container,
      EntryStatus status,
      String message,
      String skipReason,
      List<String> lines,
      List<Long> truncatedLines) {}

  private Fixtures() {}

  static FileSystem local() throws IOException {
    // Whichever file system serves file: here (the Spark tests install the one local runs use).
    return FileSystem.get(java.net.URI.create("file:///"), new Configuration());
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static java.nio.file.Path write(java.nio.file.Path dir, String name, byte[] data)
      throws IOException {
    java.nio.file.Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, data);
  }

  static Path hadoop(java.nio.file.Path file) {
    return new Path(file.toUri());
  }

  static List<Read> readAll(java.nio.file.Path file) throws IOException {
    return readAll(file, ReadOptions.defaults());
  }

  static List<Read> readAll(java.nio.file.Path file, ReadOptions options) throws IOException {
    List<Read> reads = new ArrayList<>();
    try (LogReader reader = LogReader.open(local(), hadoop(file), options)) {
      for (LogEntry entry = reader.nextEntry(); entry != null; entry = reader.nextEntry()) {
        List<String> lines = new ArrayList<>();
        List<Long> cut = new ArrayList<>();
        for (String line = entry.nextLine(); line != null; line = entry.nextLine()) {
          lines.add(line);
          if (entry.lineNo() != lines.size()) {
            throw new AssertionError("lineNo " + entry.lineNo() + " after " + lines.size());
          }
          if (entry.lineTruncated()) {
            cut.add(entry.lineNo());
          }
        }
        reads.add(
            new Read(
                entry.source(),
                entry.compression(),
                entry.container(),
                entry.status(),
                entry.message(),
                entry.skipReason(),
                lines,
                cut));
      }
    }
    return reads;
  }

  /** Each argument becomes its own gzip member, the way {@code gzip >>} appends. */
  static byte[] gzip(byte[]... members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] member : members) {
      try (OutputStream gz = new GZIPOutputStream(out)) {
        gz.write(member);
      }
    }
    return out.toByteArray();
  }

  static byte[] bzip2(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream bz = new BZip2CompressorOutputStream(out, 1)) {
      bz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream xz = new XZCompressorOutputStream(out)) {
      xz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zs = new ZstdCompressorOutputStream(out)) {
      zs.write(data);
    }
    return out.toByteArray();
  }

  static byte[] lz4(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream lz = new FramedLZ4CompressorOutputStream(out)) {
      lz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] compress(byte[] data) {
    return UnixCompress.compress(data);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A tar of the given members in order; a name ending in '/' becomes a directory. */
  static byte[] tar(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(member.getKey());
        entry.setSize(member.getKey().endsWith("/") ? 0 : member.getValue().length);
        tar.putArchiveEntry(entry);
        if (!member.getKey().endsWith("/")) {
          tar.write(member.getValue());
        }
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /** A zip written as a stream (data descriptors), deflated members. */
  static byte[] zip(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(member.getKey()));
        zip.write(member.getValue());
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> members(Object... nameThenData) {
    Map<String, byte[]> members = new LinkedHashMap<>();
    for (int i = 0; i < nameThenData.length; i += 2) {
      Object data = nameThenData[i + 1];
      members.put((String) nameThenData[i], data instanceof String s ? ascii(s) : (byte[]) data);
    }
    return members;
  }

  /** Numbered, varied request lines that compress like real logs do (not too well). */
  static List<String> logLines(int count) {
    List<String> lines = new ArrayList<>(count);
    long seed = 42;
    for (int i = 0; i < count; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      lines.add(
          "10."
              + (i % 250)
              + "."
              + ((seed >>> 40) & 0xff)
              + ".7 - - [23/Nov/1998:19:52:"
              + (i % 60)
              + " +0900] \"GET /cgi-bin/phf?"
              + Long.toHexString(seed)
              + " HTTP/1.0\" 404 "
              + (i * 7 % 5000));
    }
    return lines;
  }

  static byte[] joined(List<String> lines) {
    return ascii(String.join("\n", lines) + "\n");
  }
}
