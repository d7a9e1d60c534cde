package org.probehunt.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one physical file as a sequence of log entries: the file itself, or each archive member.
 * Damaged data ends an entry with a status instead of an exception; everything is streamed.
 */
public final class LogReader implements Closeable {

  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private final String pathText;
  private final ReadOptions options;
  private final TrackedInputStream fileSystem;
  private final String openFailure;
  private boolean started;
  private boolean done;
  private TrackedInputStream decoded;
  private ArchiveWalk walk;

  private LogReader(
      Path path, ReadOptions options, TrackedInputStream fileSystem, String openFailure) {
    this.pathText = path.toString();
    this.options = options;
    this.fileSystem = fileSystem;
    this.openFailure = openFailure;
  }

  /** Opens a file; one that cannot be opened yields a single UNREADABLE entry. */
  public static LogReader open(FileSystem fs, Path path, ReadOptions options) {
    try {
      return new LogReader(path, options, TrackedInputStream.owning(fs.open(path)), null);
    } catch (IOException e) {
      return new LogReader(path, options, null, Faults.oneLine(e));
    }
  }

  /** The next entry, or null after the last; damage never throws, file system errors do. */
  public LogEntry nextEntry() throws IOException {
    if (done) {
      return null;
    }
    if (!started) {
      started = true;
      return first();
    }
    LogEntry next = walk == null ? null : walk.next();
    done = next == null;
    return next;
  }

  private LogEntry first() throws IOException {
    done = true;
    if (openFailure != null) {
      return FixedEntry.failed(
          pathText, Compression.NONE, Container.NONE, EntryStatus.UNREADABLE, openFailure);
    }
    var raw =
        Peeks.peek(
            new BufferedInputStream(fileSystem, READ_BUFFER_BYTES),
            Compression.HEAD_BYTES,
            fileSystem);
    Compression compression = Compression.detect(raw.head(), raw.length());
    if (raw.length() == 0 && Compression.namePromisesData(LogNames.baseName(pathText))) {
      return FixedEntry.failed(
          pathText,
          compression,
          Container.NONE,
          EntryStatus.TRUNCATED,
          "empty file, but its name promises compressed data");
    }
    InputStream plain =
        Decoders.open(compression, raw.stream(), fileSystem, options.maxDecoderBytes());
    if (plain == null) {
      return Decoders.missing(pathText, compression, Container.NONE);
    }
    decoded = TrackedInputStream.owning(plain);
    var head = Peeks.peek(decoded, Container.HEAD_BYTES, fileSystem);
    Container container = Container.detect(head.head(), head.length());
    done = false;
    if (container == Container.NONE) {
      return new StreamEntry(
          pathText,
          compression,
          container,
          head.stream(),
          fileSystem,
          compression::label,
          options.maxLineBytes());
    }
    walk =
        new ArchiveWalk(
            pathText, compression, container, head.stream(), fileSystem, decoded, options);
    LogEntry firstMember = walk.next();
    done = firstMember == null;
    return firstMember;
  }

  /** Closes the member decoder, the archive, the file's decoder and the file, in that order. */
  // try-with-resources is only the closing order here (and keeps every close() even if one fails).
  @SuppressWarnings("try")
  @Override
  public void close() throws IOException {
    try (Closeable file = fileSystem;
        Closeable decoder = decoded;
        Closeable archive = walk) {
      done = true;
    }
  }
}
