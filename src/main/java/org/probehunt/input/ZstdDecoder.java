package org.probehunt.input;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorInputStream;

/**
 * A zstd decoder whose window is bounded: a frame that asks for a larger one (as {@code zstd
 * --long=31} writes) is refused before its window is allocated. Commons Compress's zstd stream
 * takes no such bound, so this one drives zstd-jni (which Spark ships) itself.
 */
final class ZstdDecoder extends CompressorInputStream {
  private final ZstdInputStreamNoFinalizer zstd;

  /**
   * @param maxWindowBytes the largest window allowed; rounded down to a power of two
   */
  ZstdDecoder(InputStream in, long maxWindowBytes) throws IOException {
    int windowLog = 63 - Long.numberOfLeadingZeros(Math.max(maxWindowBytes, 1 << 10));
    // zstd's own bounds for the window log: 10 to 31 on 64-bit platforms. Concatenated frames
    // (rotated logs appended to) are read one after another, as zstd-jni does by default.
    this.zstd =
        new ZstdInputStreamNoFinalizer(in).setLongMax(Math.min(31, Math.max(10, windowLog)));
  }

  @Override
  public int read() throws IOException {
    return OneByte.read(this);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = zstd.read(b, off, len);
    count(n);
    return n;
  }

  @Override
  public int available() throws IOException {
    return zstd.available();
  }

  @Override
  public void close() throws IOException {
    zstd.close();
  }
}
