package org.probehunt.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
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
  private final NameFilter filter;
  private final TrackedInputStream fileSystem;
  private final List<Closeable> opened = new ArrayList<>();
  private LogEntry unreadable;
  private boolean started;
  private boolean done;
  private Compression compression = Compression.NONE;
  private Container container = Container.NONE;
  private TrackedInputStream decoded;
  private ArchiveInputStream<? extends ArchiveEntry> archive;
  private TrackedInputStream member;
  private Compression memberCompression = Compression.NONE;
  private InputStream memberDecoder;
  private String lastMember;

  private LogReader(Path path, ReadOptions options, TrackedInputStream fileSystem) {
    this.pathText = path.toString();
    this.options = options;
    this.filter = NameFilter.of(options.includeGlobs(), options.excludeGlobs());
    this.fileSystem = fileSystem;
    if (fileSystem != null) {
      opened.add(fileSystem);
    }
  }

  /** Opens a file; one that cannot be opened yields a single UNREADABLE entry. */
  public static LogReader open(FileSystem fs, Path path, ReadOptions options) {
    try {
      return new LogReader(path, options, TrackedInputStream.owning(fs.open(path)));
    } catch (IOException e) {
      LogReader reader = new LogReader(path, options, null);
      reader.unreadable = FixedEntry.failed(path.toString(), Compression.NONE, Container.NONE,
          EntryStatus.UNREADABLE, Faults.oneLine(e));
      return reader;
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
    return archive == null ? finish() : nextMember();
  }

  private LogEntry first() throws IOException {
    if (unreadable != null) {
      done = true;
      return unreadable;
    }
    var raw = Peeks.peek(new BufferedInputStream(fileSystem, READ_BUFFER_BYTES),
        Compression.HEAD_BYTES, fileSystem);
    compression = Compression.detect(raw.head(), raw.length());
    if (raw.length() == 0 && Compression.namePromisesData(LogNames.baseName(pathText))) {
      done = true;
      return FixedEntry.failed(pathText, compression, container, EntryStatus.TRUNCATED,
          "empty file, but its name promises compressed data");
    }
    InputStream plain = decode(compression, raw.stream());
    if (plain == null) {
      done = true;
      return noDecoder(pathText, compression);
    }
    decoded = TrackedInputStream.owning(plain);
    opened.add(decoded);
    var head = Peeks.peek(decoded, Container.HEAD_BYTES, fileSystem);
    container = Container.detect(head.head(), head.length());
    if (container == Container.NONE) {
      return new StreamEntry(pathText, compression, container, head.stream(), fileSystem,
          this::blame, options.maxLineBytes());
    }
    archive = container == Container.TAR ? new TarArchiveInputStream(head.stream())
        // Stored entries with a data descriptor are what streaming zip writers produce.
        : new ZipArchiveInputStream(head.stream(), "UTF-8", true, true);
    opened.add(archive);
    member = TrackedInputStream.borrowing(archive);
    return nextMember();
  }

  private LogEntry nextMember() throws IOException {
    if (member.failed()) {
      return finish();
    }
    closeMemberDecoder();
    ArchiveEntry entry;
    try {
      entry = archive.getNextEntry();
    } catch (IOException | RuntimeException e) {
      if (fileSystem.failed()) {
        throw e;
      }
      done = true;
      String where = lastMember == null ? "" : "; last good member " + lastMember;
      return FixedEntry.failed(pathText, compression, container, Faults.status(e),
          Faults.describe(e, blame(), archive.getBytesRead()) + where);
    }
    if (entry == null) {
      return finish();
    }
    String name = Escapes.controls(entry.getName());
    lastMember = name;
    String source = pathText + "!" + name;
    // The base name is cut before escaping: an escape's backslash is not a separator.
    String baseName = Escapes.controls(LogNames.baseName(entry.getName()));
    String skip = skipReason(entry, baseName, source);
    if (skip != null) {
      return FixedEntry.skipped(source, compression, container, skip);
    }
    if (archive instanceof ZipArchiveInputStream zip && !zip.canReadEntryData(entry)) {
      ZipArchiveEntry zipEntry = (ZipArchiveEntry) entry;
      String why = zipEntry.getGeneralPurposeBit().usesEncryption() ? "encrypted zip entry"
          : "unsupported zip compression method " + zipEntry.getMethod();
      return FixedEntry.failed(source, compression, container, EntryStatus.UNREADABLE, why);
    }
    var head = Peeks.peek(member, Compression.HEAD_BYTES, fileSystem);
    memberCompression = Compression.detect(head.head(), head.length());
    InputStream data = decode(memberCompression, head.stream());
    if (data == null) {
      return noDecoder(source, memberCompression);
    }
    memberDecoder = memberCompression == Compression.NONE ? null : data;
    Compression shown = memberCompression == Compression.NONE ? compression : memberCompression;
    return new StreamEntry(source, shown, container, data, fileSystem, this::blame,
        options.maxLineBytes());
  }

  private String skipReason(ArchiveEntry entry, String baseName, String source) {
    if (entry.isDirectory()) {
      return "directory";
    }
    if (entry instanceof TarArchiveEntry tar && !tar.isFile()) {
      return "not a regular file";
    }
    if (LogNames.isArchive(baseName) && !LogNames.isHidden(baseName)) {
      return "nested archive (not opened)";
    }
    NameFilter.Verdict verdict = filter.judge(baseName, source);
    return verdict.read() ? null : verdict.reason();
  }

  /** The codec's decoder; a damaged header is replayed as a read error, null without a codec. */
  private InputStream decode(Compression codec, InputStream in) throws IOException {
    try {
      return codec.decompress(in);
    } catch (IOException | RuntimeException e) {
      if (fileSystem.failed()) {
        throw e;
      }
      return Peeks.failing(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    } catch (LinkageError e) {
      // zstd needs zstd-jni, which comes with Spark; a bare classpath may lack it.
      return null;
    }
  }

  private LogEntry noDecoder(String source, Compression codec) {
    return FixedEntry.failed(source, codec, container, EntryStatus.UNREADABLE,
        "no " + codec.label() + " decoder on the classpath");
  }

  /** Names the layer that broke: the file's codec, the archive, or the member's codec. */
  private String blame() {
    if (decoded != null && decoded.failed() || member == null) {
      return compression.label();
    }
    return member.failed() ? container.label() : memberCompression.label();
  }

  private LogEntry finish() throws IOException {
    done = true;
    closeMemberDecoder();
    return null;
  }

  private void closeMemberDecoder() throws IOException {
    if (memberDecoder != null) {
      InputStream decoder = memberDecoder;
      memberDecoder = null;
      decoder.close();
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    opened.add(this::closeMemberDecoder);
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    opened.clear();
    if (first != null) {
      throw first;
    }
  }
}
