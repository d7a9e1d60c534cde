package org.probehunt.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing byte array for one thread: {@code ByteArrayOutputStream} takes a lock on every write,
 * and drafts are written a byte at a time (the mail library's quoted-printable encoder, and this
 * package's own encoders): two lock round trips a byte were a tenth of a draft's cost, and a sixth
 * of the samples while a busy month's drafts were written.
 */
public final class GrowingBytes extends OutputStream {
  private byte[] buf;
  private int size;

  public GrowingBytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(int b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int from, int length) {
    if (size + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + length));
    }
    System.arraycopy(bytes, from, buf, size, length);
    size += length;
  }

  /** How many bytes are held. */
  public int size() {
    return size;
  }

  /** Forgets what is held, keeping the array for the next use. */
  public void reset() {
    size = 0;
  }

  /** Writes what is held to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  /** A copy of what is held. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
