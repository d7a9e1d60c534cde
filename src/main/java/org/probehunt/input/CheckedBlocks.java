package org.probehunt.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Holds back a bzip2 block's decoded bytes until its CRC has been checked. The decoder hands out a
 * whole block (up to 900 kB) before it compares the block's CRC, so a damaged block would come out
 * as thousands of garbage "lines" before the error. The decoder reads compressed data only between
 * blocks (after checking one, to start the next), so whatever it had handed out by its latest read
 * is checked; on an error the unchecked rest is dropped, and the error says how many bytes.
 */
final class CheckedBlocks extends InputStream {
  /** Past this many unchecked bytes (a hostile block of long runs), they are let through. */
  private static final int MAX_HELD_BYTES = 8 << 20;

  private final InputStream decoded;
  private final Reads reads;
  private byte[] held = new byte[64 * 1024];
  private int start;
  private int end;
  private long startOffset; // decoded offset of held[start]
  private boolean ended;
  private IOException failure;

  private CheckedBlocks(InputStream decoded, Reads reads) {
    this.decoded = decoded;
    this.reads = reads;
  }

  /** A bzip2 decoder over {@code in} that hands out checked blocks only. */
  static InputStream bzip2(InputStream in, Compression codec, long maxMemoryBytes)
      throws IOException {
    Reads reads = new Reads(in);
    BZip2CompressorInputStream decoder = new BZip2CompressorInputStream(reads, true);
    reads.decoder = decoder;
    return new CheckedBlocks(new SalvagingInputStream(decoder, codec, maxMemoryBytes), reads);
  }

  @Override
  public int read() throws IOException {
    return OneByte.read(this);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      int ready = releasable();
      if (ready > 0) {
        int n = Math.min(ready, len);
        System.arraycopy(held, start, b, off, n);
        start += n;
        startOffset += n;
        return n;
      }
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return -1;
      }
      fill();
    }
  }

  private int releasable() {
    int heldBytes = end - start;
    long checked = reads.checkedUpTo - startOffset;
    return ended || failure != null || heldBytes - checked > MAX_HELD_BYTES
        ? heldBytes
        : (int) Math.max(0, Math.min(heldBytes, checked));
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(held, start, held, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == held.length) {
      held = java.util.Arrays.copyOf(held, held.length * 2);
    }
    try {
      int n = decoded.read(held, end, held.length - end);
      if (n < 0) {
        ended = true;
      } else {
        end += n;
      }
    } catch (IOException e) {
      long unchecked = startOffset + (end - start) - reads.checkedUpTo;
      if (unchecked <= 0) {
        failure = e;
        return;
      }
      end -= (int) unchecked;
      failure =
          new IOException(
              Faults.oneLine(e)
                  + "; the "
                  + unchecked
                  + " bytes decoded from the damaged block are left out",
              e);
    }
  }

  @Override
  public void close() throws IOException {
    decoded.close();
  }

  /** The compressed input, noting how much the decoder had handed out at its latest read. */
  private static final class Reads extends FilterInputStream {
    CompressorInputStream decoder;
    long checkedUpTo;

    Reads(InputStream in) {
      super(in);
    }

    private void note() {
      if (decoder != null) {
        checkedUpTo = decoder.getUncompressedCount();
      }
    }

    @Override
    public int read() throws IOException {
      note();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      note();
      return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      note();
      return super.skip(n);
    }
  }
}
