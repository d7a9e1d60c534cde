package org.probehunt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Writes test logs with the real codecs and archivers. */
public final class LogFiles {
  /** The directives that open an IIS log in IIS's default fields, as IIS 10 writes them. */
  public static final List<String> IIS_HEADER =
      List.of(
          "#Software: Microsoft Internet Information Services 10.0",
          "#Version: 1.0",
          "#Date: 2025-10-01 00:00:00",
          "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
              + " cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken");

  private LogFiles() {}

  /** {@code head} followed by {@code lines}, as one list. */
  public static List<String> with(List<String> head, String... lines) {
    List<String> all = new ArrayList<>(head);
    all.addAll(Arrays.asList(lines));
    return List.copyOf(all);
  }

  /** The lines joined with LF, with a final LF. */
  public static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public static Path plain(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, text(lines));
  }

  /** One gzip member per list, back to back, as `cat a.gz b.gz` makes. */
  @SafeVarargs
  public static Path gzip(Path file, List<String>... members) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (List<String> member : members) {
      all.write(gzip(text(member)));
    }
    Files.createDirectories(file.getParent());
    return Files.write(file, all.toByteArray());
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  public static Path bzip2(Path file, List<String> lines) throws IOException {
    return compress(file, lines, "bzip2");
  }

  public static Path xz(Path file, List<String> lines) throws IOException {
    return compress(file, lines, "xz");
  }

  public static Path zstd(Path file, List<String> lines) throws IOException {
    return compress(file, lines, "zstd");
  }

  private static Path compress(Path file, List<String> lines, String codec) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            switch (codec) {
              case "bzip2" -> new BZip2CompressorOutputStream(raw);
              case "xz" -> new XZCompressorOutputStream(raw);
              default -> new ZstdCompressorOutputStream(raw);
            }) {
      out.write(text(lines));
    }
    return file;
  }

  /** A gzip-compressed tar holding one member per name. */
  public static Path tarGz(Path file, List<String> names, List<List<String>> contents)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream gz = new GZIPOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (int i = 0; i < names.size(); i++) {
        byte[] data = text(contents.get(i));
        TarArchiveEntry entry = new TarArchiveEntry(names.get(i));
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /** A zip holding one member per name. */
  public static Path zip(Path file, List<String> names, List<List<String>> contents)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(raw)) {
      for (int i = 0; i < names.size(); i++) {
        zip.putArchiveEntry(new ZipArchiveEntry(names.get(i)));
        zip.write(text(contents.get(i)));
        zip.closeArchiveEntry();
      }
    }
    return file;
  }
}
