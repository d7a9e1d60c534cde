package org.probehunt.input;

import java.io.IOException;
import java.io.InputStream;

/** Opens a codec's decoder without letting damaged data escape as an exception. */
final class Decoders {

  private Decoders() {}

  /**
   * The decoder over {@code in}. A damaged header becomes a stream that fails on first read, so it
   * is reported like any later damage; null when the codec's library is missing.
   */
  static InputStream open(
      Compression codec, InputStream in, TrackedInputStream fileSystem, long maxMemoryBytes)
      throws IOException {
    try {
      return codec.decompress(in, maxMemoryBytes);
    } catch (IOException | RuntimeException thrown) {
      if (fileSystem.failed()) {
        throw thrown;
      }
      Throwable e = DecoderLimitException.translate(thrown, codec, maxMemoryBytes);
      return Peeks.failing(
          e instanceof IOException io ? io : new IOException(Faults.oneLine(e), e));
    } catch (LinkageError e) {
      // zstd needs zstd-jni, which comes with Spark; a bare classpath may lack it.
      return null;
    }
  }

  /** The entry reported in place of data whose decoder is not on the classpath. */
  static LogEntry missing(String source, Compression codec, Container container) {
    return FixedEntry.failed(
        source,
        codec,
        container,
        EntryStatus.UNREADABLE,
        "no " + codec.label() + " decoder on the classpath");
  }
}
