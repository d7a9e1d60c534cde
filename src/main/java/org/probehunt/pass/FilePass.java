package org.probehunt.pass;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.LogEntry;
import org.probehunt.input.LogReader;
import org.probehunt.parse.HostSet;

/**
 * Reads a batch of log files one line at a time and yields the events a pass wants: the first pass
 * yields probes, the probing hosts' other requests (see {@link ProbingHosts}), rejected lines, and
 * per file or archive member an account of its clients and a tally; the second yields every request
 * of the flagged hosts that the first did not. Lazy, so that a Spark task never holds more than a
 * window of recent requests.
 */
public final class FilePass implements Iterator<PassEvent>, Closeable {
  /**
   * How many of a file's latest requests the first pass keeps at hand, to yield a host's requests
   * from before its first probe there.
   */
  public static final int RECENT_REQUESTS = ProbingHosts.RECENT;

  /** Told of every file read to its end, for the progress line of a long run. */
  @FunctionalInterface
  public interface Progress {
    void fileRead(long lines);
  }

  private final Configuration conf;
  private final Progress progress;
  private final Iterator<String> paths;
  private final EntryPass.Mode mode;
  private final PassSettings settings;
  private LogReader reader;
  private String path;
  private EntryPass entry;
  private PassEvent next;
  private long fileLines;

  private FilePass(
      Configuration conf,
      List<String> paths,
      PassSettings settings,
      EntryPass.Mode mode,
      Progress progress) {
    this.conf = conf;
    this.progress = progress;
    this.paths = paths.iterator();
    this.settings = settings;
    this.mode = mode;
  }

  /**
   * The first pass: probes and the probing hosts' other requests, rejections, accounts, tallies.
   */
  public static FilePass probes(
      Configuration conf, List<String> paths, PassSettings settings, Progress progress) {
    return new FilePass(conf, paths, settings, EntryPass.Mode.FIRST_PASS, progress);
  }

  /** The second pass: every request whose client is one of {@code hosts}. */
  public static FilePass requestsOf(
      Configuration conf,
      List<String> paths,
      PassSettings settings,
      HostSet hosts,
      Progress progress) {
    return new FilePass(conf, paths, settings, EntryPass.Mode.joinBack(source -> hosts), progress);
  }

  /**
   * The second pass, reading each file or archive member for its own hosts: every request of a
   * member whose client is one of {@code hostsOf} its source. A member with none is not read.
   */
  public static FilePass requestsOf(
      Configuration conf,
      List<String> paths,
      PassSettings settings,
      Function<String, HostSet> hostsOf,
      Progress progress) {
    return new FilePass(conf, paths, settings, EntryPass.Mode.joinBack(hostsOf), progress);
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (entry != null) {
          next = entry.next();
          if (next == null) {
            fileLines += entry.lines();
            entry = null;
          }
        } else if (!openNextEntry()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PassEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    PassEvent event = next;
    next = null;
    return event;
  }

  private boolean openNextEntry() throws IOException {
    while (true) {
      if (reader != null) {
        LogEntry e = reader.nextEntry();
        if (e != null) {
          entry = new EntryPass(path, e, settings, mode);
          return true;
        }
        reader.close();
        reader = null;
        progress.fileRead(fileLines);
        fileLines = 0;
      }
      if (!paths.hasNext()) {
        return false;
      }
      path = paths.next();
      Path file = new Path(path);
      reader = LogReader.open(file.getFileSystem(conf), file, settings.read());
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
