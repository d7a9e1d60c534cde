package org.probehunt.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** An entry whose lines come from a stream: a plain file or one archive member. */
final class StreamEntry implements LogEntry {

  private final String source;
  private final Compression compression;
  private final Container container;
  private final Supplier<String> blame;
  private final LineReader lines;
  private EntryStatus status = EntryStatus.OK;
  private String message;

  /**
   * @param fileSystem the tracked raw file stream: its failures are rethrown, not reported
   * @param blame names the layer that broke when the data turns out damaged ("gzip", "tar")
   */
  StreamEntry(
      String source,
      Compression compression,
      Container container,
      InputStream in,
      TrackedInputStream fileSystem,
      Supplier<String> blame,
      int maxLineBytes) {
    this.source = source;
    this.compression = compression;
    this.container = container;
    this.blame = blame;
    this.lines = new LineReader(in, fileSystem, maxLineBytes);
  }

  @Override
  public String nextLine() throws IOException {
    String line = lines.nextLine();
    if (line == null && lines.fault() != null && message == null) {
      Exception fault = lines.fault();
      status = Faults.status(fault);
      message = Faults.describe(fault, blame.get(), lines.consumed());
    }
    return line;
  }

  @Override
  public void skipLines(LineSkip skip) {
    lines.skipLines(skip);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Compression compression() {
    return compression;
  }

  @Override
  public Container container() {
    return container;
  }

  @Override
  public String skipReason() {
    return null;
  }

  @Override
  public long lineNo() {
    return lines.lineNo();
  }

  @Override
  public boolean lineTruncated() {
    return lines.lineTruncated();
  }

  @Override
  public EntryStatus status() {
    return status;
  }

  @Override
  public String message() {
    return message;
  }
}
