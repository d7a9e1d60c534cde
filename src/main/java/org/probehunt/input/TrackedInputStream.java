package org.probehunt.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether its own source failed, so a failure can be blamed on the right layer: the file
 * system (rethrown), the archive (stop reading) or a member's codec (damage).
 */
final class TrackedInputStream extends FilterInputStream {

  private final boolean closesSource;
  private boolean failed;

  private TrackedInputStream(InputStream in, boolean closesSource) {
    super(in);
    this.closesSource = closesSource;
  }

  /** Tracks a stream that this wrapper owns and closes. */
  static TrackedInputStream owning(InputStream in) {
    return new TrackedInputStream(in, true);
  }

  /** Tracks a stream owned elsewhere (an archive's current member); close() leaves it open. */
  static TrackedInputStream borrowing(InputStream in) {
    return new TrackedInputStream(in, false);
  }

  /** True once a read from the source threw. */
  boolean failed() {
    return failed;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    if (closesSource) {
      in.close();
    }
  }
}
