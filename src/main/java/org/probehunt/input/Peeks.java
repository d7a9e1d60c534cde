package org.probehunt.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Reads the first bytes of a stream for format detection and hands back a stream that replays them.
 * A damage error met while peeking is replayed after the bytes, so the readable prefix still
 * reaches the line reader; a file system error is thrown at once.
 */
final class Peeks {

  /** The head of a stream and a stream that starts over from the beginning. */
  @SuppressWarnings("ArrayRecordComponent") // a buffer handed on, never compared
  record Peeked(byte[] head, int length, InputStream stream) {}

  private Peeks() {}

  static Peeked peek(InputStream in, int bytes, TrackedInputStream source) throws IOException {
    byte[] head = new byte[bytes];
    int length = 0;
    IOException fault = null;
    try {
      while (length < bytes) {
        int n = in.read(head, length, bytes - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (IOException e) {
      if (source.failed()) {
        throw e;
      }
      fault = e;
    } catch (RuntimeException e) {
      if (source.failed()) {
        throw e;
      }
      fault = new IOException(Faults.oneLine(e), e);
    }
    InputStream rest = fault == null ? in : failing(fault);
    InputStream replay = new SequenceInputStream(new ByteArrayInputStream(head, 0, length), rest);
    return new Peeked(head, length, replay);
  }

  /** A stream whose every read throws the given damage error. */
  static InputStream failing(IOException fault) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw fault;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw fault;
      }
    };
  }
}
