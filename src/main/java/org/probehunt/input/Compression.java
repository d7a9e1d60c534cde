package org.probehunt.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.z.ZCompressorInputStream;

/** The compression of a stream, told by its magic bytes and never by its file name. */
public enum Compression {
  NONE,
  GZIP,
  BZIP2,
  XZ,
  ZSTD,
  /** Unix compress (LZW, {@code .Z}), common in 1990s archives. */
  COMPRESS,
  /** LZ4 frames ({@code lz4}, {@code .lz4}). */
  LZ4;

  /** Bytes needed to tell the codecs apart (the xz magic is the longest). */
  static final int HEAD_BYTES = 6;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Detects the codec from the first bytes of a stream; NONE when no magic matches. */
  static Compression detect(byte[] head, int length) {
    if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (length >= 4
        && head[0] == 'B'
        && head[1] == 'Z'
        && head[2] == 'h'
        && head[3] >= '1'
        && head[3] <= '9') {
      return BZIP2;
    }
    if (length >= 6
        && (head[0] & 0xff) == 0xfd
        && head[1] == '7'
        && head[2] == 'z'
        && head[3] == 'X'
        && head[4] == 'Z'
        && head[5] == 0) {
      return XZ;
    }
    if (length >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x9d) {
      return COMPRESS;
    }
    if (length >= 4
        && (head[0] & 0xff) == 0x04
        && (head[1] & 0xff) == 0x22
        && (head[2] & 0xff) == 0x4d
        && (head[3] & 0xff) == 0x18) {
      return LZ4;
    }
    return NONE;
  }

  /**
   * Wraps a stream in this codec's decoder, which may take at most {@code maxMemoryBytes} (an xz
   * dictionary, a zstd window; a 64th of it for a gzip header). Concatenated members/streams are
   * read to the end, because rotated logs are often appended to with {@code gzip >>}.
   */
  InputStream decompress(InputStream in, long maxMemoryBytes) throws IOException {
    if (this == BZIP2) {
      return CheckedBlocks.bzip2(in, this, maxMemoryBytes); // drops a damaged block's garbage
    }
    CompressorInputStream decoder =
        switch (this) {
          case NONE -> null;
          case GZIP -> gzip(in, maxMemoryBytes / 64);
          case BZIP2 -> throw new IllegalStateException("read above");
          case XZ ->
              XZCompressorInputStream.builder()
                  .setInputStream(in)
                  .setDecompressConcatenated(true)
                  .setMemoryLimitKiB((int) Math.min(Integer.MAX_VALUE, maxMemoryBytes >> 10))
                  .get();
          case ZSTD -> new ZstdDecoder(in, maxMemoryBytes);
          // LZW's table is at most 2^16 entries, so its memory needs no bound of ours.
          case COMPRESS -> new ZCompressorInputStream(in);
          case LZ4 -> new FramedLZ4CompressorInputStream(in, true);
        };
    return decoder == null ? in : new SalvagingInputStream(decoder, this, maxMemoryBytes);
  }

  /** A gzip decoder whose first header may take at most {@code maxHeaderBytes}. */
  private static CompressorInputStream gzip(InputStream in, long maxHeaderBytes)
      throws IOException {
    GzipHeaderGuard guard = new GzipHeaderGuard(in, maxHeaderBytes);
    // The builder reads the first member's header before it returns.
    CompressorInputStream decoder =
        GzipCompressorInputStream.builder()
            .setInputStream(guard)
            .setDecompressConcatenated(true)
            .get();
    guard.disarm();
    return decoder;
  }

  /**
   * {@code in} decompressed by whatever codec its first bytes show, for data files that are not
   * logs (the registries' dumps): plain, gzip, bzip2, xz, zstd, compress or LZ4 alike.
   */
  public static InputStream decoded(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(HEAD_BYTES);
    byte[] head = buffered.readNBytes(HEAD_BYTES);
    buffered.reset();
    return detect(head, head.length).decompress(buffered, Long.MAX_VALUE);
  }

  /** True for file names that promise compressed data, used to judge an empty file. */
  static boolean namePromisesData(String baseName) {
    String name = baseName.toLowerCase(Locale.ROOT);
    return name.endsWith(".gz")
        || name.endsWith(".tgz")
        || name.endsWith(".bz2")
        || name.endsWith(".tbz2")
        || name.endsWith(".xz")
        || name.endsWith(".txz")
        || name.endsWith(".zst")
        || name.endsWith(".z")
        || name.endsWith(".taz")
        || name.endsWith(".lz4")
        || name.endsWith(".zip");
  }
}
