package org.probehunt.input;

import java.io.IOException;

/**
 * Data that would take more memory to decode than a decoder may have: an xz dictionary, a zstd
 * window or a tar header over the limit. Not damage but a refusal, which a setting can lift.
 */
final class DecoderLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The option that raises the limit, as the message names it. */
  static final String SETTING = "--max-decoder-memory";

  /**
   * @param what what asked too much, such as "xz data needs a 1536 MiB dictionary"
   * @param limitBytes the limit it is over
   */
  DecoderLimitException(String what, long limitBytes) {
    super(
        what + ", over the limit of " + mebibytes(limitBytes) + " MiB; " + SETTING + " raises it");
  }

  static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /**
   * The refusal a decoder's own limit error stands for, or {@code e} itself when it is not one:
   * xz's memory limit and zstd's window limit come back named in our terms.
   */
  static Throwable translate(Throwable e, Compression codec, long limitBytes) {
    if (e instanceof org.tukaani.xz.MemoryLimitException xz) {
      return new DecoderLimitException(
          codec.label()
              + " data needs "
              + DecoderLimitException.mebibytes(xz.getMemoryNeeded() * 1024L)
              + " MiB of memory to decode",
          limitBytes);
    }
    if (e instanceof org.apache.commons.compress.MemoryLimitException cc) {
      return new DecoderLimitException(
          codec.label()
              + " data needs "
              + mebibytes(cc.getMemoryNeededInKb() * 1024L)
              + " MiB of memory to decode",
          limitBytes);
    }
    String text = String.valueOf(e.getMessage());
    if (codec == Compression.ZSTD && text.contains("too much memory")) {
      return new DecoderLimitException(
          "zstd frame needs a window larger than " + mebibytes(limitBytes) + " MiB", limitBytes);
    }
    return e;
  }
}
