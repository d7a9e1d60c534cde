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

  private DecoderLimitException(String message) {
    super(message);
  }

  /** "xz data needs 1537 MiB of memory to decode, over the limit of 128 MiB; ... raises it" */
  static DecoderLimitException over(String what, long limitBytes) {
    return new DecoderLimitException(
        what + ", over the limit of " + mebibytes(limitBytes) + " MiB; " + SETTING + " raises it");
  }

  /** A tar header larger than the 64th of the decoder limit that headers may take. */
  static DecoderLimitException tarHeader(char type, long size, long maxHeaderBytes) {
    return new DecoderLimitException(
        "a tar header (type "
            + type
            + ") of "
            + size
            + " bytes, over the "
            + mebibytes(maxHeaderBytes)
            + " MiB limit for headers (a 64th of "
            + SETTING
            + ", which raises it)");
  }

  /** A gzip header whose file name or comment runs past the limit for headers. */
  static DecoderLimitException gzipHeader(long maxHeaderBytes) {
    return new DecoderLimitException(
        "a gzip header (file name or comment) over the "
            + mebibytes(maxHeaderBytes)
            + " MiB limit for headers (a 64th of "
            + SETTING
            + ", which raises it)");
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
      return over(
          codec.label()
              + " data needs "
              + mebibytes(xz.getMemoryNeeded() * 1024L)
              + " MiB of memory to decode",
          limitBytes);
    }
    if (e instanceof org.apache.commons.compress.MemoryLimitException cc) {
      return over(
          codec.label()
              + " data needs "
              + mebibytes(cc.getMemoryNeededInKb() * 1024L)
              + " MiB of memory to decode",
          limitBytes);
    }
    String text = String.valueOf(e.getMessage());
    if (codec == Compression.ZSTD && text.contains("too much memory")) {
      return over("zstd frame needs a window", limitBytes);
    }
    return e;
  }
}
