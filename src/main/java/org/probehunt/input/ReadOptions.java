package org.probehunt.input;

import java.io.Serializable;
import java.util.List;

/**
 * How log files are read; serializable because the job ships it to every task.
 *
 * @param maxLineBytes longest line delivered whole; a longer one is flagged, and only its first 16
 *     KiB kept (it can only be a rejection)
 * @param includeGlobs extra archive member names to read (same meaning as {@code --include})
 * @param excludeGlobs archive member names not to read (same meaning as {@code --exclude})
 * @param maxDecoderBytes most memory one file's decoder may take: an xz dictionary or a zstd
 *     window; a tar header may take a 64th of it
 */
public record ReadOptions(
    int maxLineBytes, List<String> includeGlobs, List<String> excludeGlobs, long maxDecoderBytes)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /** One MiB: far beyond any real request line, small enough to bound memory per task. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /**
   * 128 MiB: what {@code xz -9} and {@code zstd --long=27} need, zstd's own default limit, and
   * little enough that two tasks' decoders fit the launcher's 1 GiB heap with room to spare.
   */
  public static final long DEFAULT_MAX_DECODER_BYTES = 128L << 20;

  /** The default decoder limit. */
  public ReadOptions(int maxLineBytes, List<String> includeGlobs, List<String> excludeGlobs) {
    this(maxLineBytes, includeGlobs, excludeGlobs, DEFAULT_MAX_DECODER_BYTES);
  }

  public ReadOptions {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    if (maxDecoderBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "maxDecoderBytes must be 1 MiB or more, got " + maxDecoderBytes);
    }
    includeGlobs = List.copyOf(includeGlobs);
    excludeGlobs = List.copyOf(excludeGlobs);
  }

  /** 1 MiB lines, no include or exclude patterns. */
  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_LINE_BYTES, List.of(), List.of());
  }

  /** The same options with another line cap. */
  public ReadOptions withMaxLineBytes(int bytes) {
    return new ReadOptions(bytes, includeGlobs, excludeGlobs, maxDecoderBytes);
  }

  /** The same options with these include and exclude patterns. */
  public ReadOptions withGlobs(List<String> includes, List<String> excludes) {
    return new ReadOptions(maxLineBytes, includes, excludes, maxDecoderBytes);
  }

  /** The same options with another decoder memory limit. */
  public ReadOptions withMaxDecoderBytes(long bytes) {
    return new ReadOptions(maxLineBytes, includeGlobs, excludeGlobs, bytes);
  }

  /** The largest tar header (PAX records, GNU long names) read: a 64th of the decoder limit. */
  public long maxTarHeaderBytes() {
    return maxDecoderBytes / 64;
  }
}
