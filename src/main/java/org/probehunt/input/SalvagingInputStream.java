package org.probehunt.input;

import java.io.FilterInputStream;
import java.io.IOException;
import org.apache.commons.compress.compressors.CompressorInputStream;

/**
 * Returns what a decoder wrote into the caller's buffer before it failed, then the failure. Commons
 * Compress's gzip and bzip2 readers fill the whole request and throw at a cut without reporting the
 * bytes already written; their uncompressed count still tells how many there are. A decoder's own
 * memory-limit error comes out as a {@link DecoderLimitException}.
 */
final class SalvagingInputStream extends FilterInputStream {

  private final CompressorInputStream decoder;
  private final Compression codec;
  private final long maxMemoryBytes;
  private IOException pending;

  /**
   * @param maxMemoryBytes the decoder's limit, named when its own limit error is translated
   */
  SalvagingInputStream(CompressorInputStream decoder, Compression codec, long maxMemoryBytes) {
    super(decoder);
    this.decoder = decoder;
    this.codec = codec;
    this.maxMemoryBytes = maxMemoryBytes;
  }

  @Override
  public int read() throws IOException {
    return OneByte.read(this);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pending != null) {
      throw pending;
    }
    long before = decoder.getUncompressedCount();
    try {
      return decoder.read(b, off, len);
    } catch (IOException | RuntimeException thrown) {
      Throwable e = DecoderLimitException.translate(thrown, codec, maxMemoryBytes);
      long written = Math.min(decoder.getUncompressedCount() - before, len);
      if (written <= 0) {
        if (e instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) e;
      }
      pending = e instanceof IOException io ? io : new IOException(Faults.oneLine(e), e);
      return (int) written;
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
