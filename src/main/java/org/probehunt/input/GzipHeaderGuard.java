package org.probehunt.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what a gzip decoder reads while it opens: Commons Compress reads a member header's file
 * name and comment whole into memory, ended only by a NUL byte, so a gzip member inside a tar.gz
 * could name itself with a gigabyte. Disarmed once the first header is read.
 */
final class GzipHeaderGuard extends FilterInputStream {
  private final long maxHeaderBytes;
  private long read;
  private boolean armed = true;

  GzipHeaderGuard(InputStream in, long maxHeaderBytes) {
    super(in);
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (armed && b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, armed ? (int) Math.min(len, maxHeaderBytes - read + 1) : len);
    if (armed && n > 0) {
      count(n);
    }
    return n;
  }

  /** The header is read: from here on the stream is the member's data. */
  void disarm() {
    armed = false;
  }

  private void count(int n) throws IOException {
    read += n;
    if (read > maxHeaderBytes) {
      throw DecoderLimitException.gzipHeader(maxHeaderBytes);
    }
  }
}
