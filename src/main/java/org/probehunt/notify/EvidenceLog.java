package org.probehunt.notify;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.probehunt.report.Texts;

/**
 * The attachment's text, every evidence line with control characters escaped as the log reader does
 * and CRLF-terminated, read from the evidence one line at a time whenever the mail library asks for
 * it: the text is never held whole.
 */
final class EvidenceLog implements DataSource {
  static final String CONTENT_TYPE = "text/plain; charset=UTF-8";

  private final Evidence evidence;

  EvidenceLog(Evidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public InputStream getInputStream() {
    return new LineStream(evidence.iterator());
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    throw new IOException("the evidence log is read-only");
  }

  @Override
  public String getContentType() {
    return CONTENT_TYPE;
  }

  /**
   * No name: the mail library then picks the transfer encoding as it does for text set as a string,
   * so a draft's bytes do not depend on how its evidence was held.
   */
  @Override
  public String getName() {
    return null;
  }

  /** The UTF-8 bytes of the lines, one line encoded at a time. */
  private static final class LineStream extends InputStream {
    private final Iterator<String> lines;
    private byte[] current = new byte[0];
    private int position;

    LineStream(Iterator<String> lines) {
      this.lines = lines;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }

    @Override
    public void close() {
      Evidence.release(lines);
    }

    /** Whether bytes are left, taking the next line when the current one is used up. */
    private boolean fill() {
      while (position == current.length) {
        if (!lines.hasNext()) {
          return false;
        }
        current = (Texts.printable(lines.next()) + "\r\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      return true;
    }
  }
}
