package org.probehunt.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.hadoop.fs.Path;

/**
 * Walks the members of a tar or zip stream, one entry each. Once the archive itself is damaged no
 * later member can be found, so the walk stops; a damaged member codec only ends its member.
 */
final class ArchiveWalk implements Closeable {

  /** Tar header types whose data Commons Compress reads into memory: PAX and GNU long names. */
  private static final String HEADER_TYPES = "xgXLK";

  private static final int SIZE_OFFSET = 124;
  private static final int SIZE_LENGTH = 12;
  private static final int TYPE_OFFSET = 156;

  private final String archivePath;
  private final String archiveUriPath;
  private final Compression compression;
  private final Container container;
  private final TrackedInputStream fileSystem;
  private final TrackedInputStream decoded;
  private final NameFilter filter;
  private final int maxLineBytes;
  private final long maxDecoderBytes;
  private final ArchiveInputStream<? extends ArchiveEntry> archive;
  private final TrackedInputStream member;
  private Compression memberCompression = Compression.NONE;
  private InputStream memberDecoder;
  private String lastMember;
  private boolean done;

  /**
   * @param decoded the tracked decoded file stream, to blame the file's codec for damage
   */
  ArchiveWalk(
      String archivePath,
      Compression compression,
      Container container,
      InputStream data,
      TrackedInputStream fileSystem,
      TrackedInputStream decoded,
      ReadOptions options) {
    this.archivePath = archivePath;
    // Patterns see member paths the way Discovery shows them files: without the scheme.
    this.archiveUriPath = new Path(archivePath).toUri().getPath();
    this.compression = compression;
    this.container = container;
    this.fileSystem = fileSystem;
    this.decoded = decoded;
    this.filter = NameFilter.of(options.includeGlobs(), options.excludeGlobs());
    this.maxLineBytes = options.maxLineBytes();
    this.maxDecoderBytes = options.maxDecoderBytes();
    this.archive =
        container == Container.TAR
            ? new MarkedTarInputStream(data, options.maxTarHeaderBytes())
            // Stored entries with a data descriptor are what streaming zip writers produce.
            : new ZipArchiveInputStream(data, "UTF-8", true, true);
    this.member = TrackedInputStream.borrowing(archive);
  }

  /** The next member's entry, or null after the last or after damage to the archive. */
  LogEntry next() throws IOException {
    closeMemberDecoder();
    if (done || member.failed()) {
      done = true;
      return null;
    }
    ArchiveEntry entry;
    try {
      entry = archive.getNextEntry();
    } catch (IOException | RuntimeException e) {
      if (fileSystem.failed()) {
        throw e;
      }
      done = true;
      String where = lastMember == null ? "" : "; last member read: " + lastMember;
      return FixedEntry.failed(
          archivePath,
          compression,
          container,
          Faults.status(e),
          Faults.describe(e, blame(), archive.getBytesRead()) + where);
    }
    if (entry == null) {
      done = true;
      if (archive instanceof MarkedTarInputStream tar && !tar.sawEndMarker) {
        String where = lastMember == null ? "" : "; last member read: " + lastMember;
        return FixedEntry.failed(
            archivePath,
            compression,
            container,
            EntryStatus.TRUNCATED,
            "tar archive ends without its end-of-archive marker after "
                + archive.getBytesRead()
                + " bytes"
                + where);
      }
      return null;
    }
    String name = Escapes.controls(entry.getName());
    lastMember = name;
    String source = archivePath + "!" + name;
    // The base name is cut before escaping: an escape's backslash is not a separator.
    String skip =
        skipReason(
            entry,
            Escapes.controls(LogNames.baseName(entry.getName())),
            archiveUriPath + "!" + name);
    if (skip != null) {
      return FixedEntry.skipped(source, compression, container, skip);
    }
    if (archive instanceof ZipArchiveInputStream zip && !zip.canReadEntryData(entry)) {
      ZipArchiveEntry zipEntry = (ZipArchiveEntry) entry;
      String why =
          zipEntry.getGeneralPurposeBit().usesEncryption()
              ? "encrypted zip entry"
              : "unsupported zip compression method " + zipEntry.getMethod();
      return FixedEntry.failed(source, compression, container, EntryStatus.UNREADABLE, why);
    }
    var head = Peeks.peek(member, Compression.HEAD_BYTES, fileSystem);
    memberCompression = Compression.detect(head.head(), head.length());
    InputStream data = Decoders.open(memberCompression, head.stream(), fileSystem, maxDecoderBytes);
    if (data == null) {
      return Decoders.missing(source, memberCompression, container);
    }
    memberDecoder = memberCompression == Compression.NONE ? null : data;
    Compression shown = memberCompression == Compression.NONE ? compression : memberCompression;
    return new StreamEntry(source, shown, container, data, fileSystem, this::blame, maxLineBytes);
  }

  private String skipReason(ArchiveEntry entry, String baseName, String fullPath) {
    if (entry.isDirectory()) {
      return "directory";
    }
    if (entry instanceof TarArchiveEntry tar && !tar.isFile()) {
      return "not a regular file";
    }
    if (LogNames.isArchive(baseName) && !LogNames.isHidden(baseName)) {
      return "nested archive (not opened)";
    }
    NameFilter.Verdict verdict = filter.judge(baseName, fullPath);
    return verdict.read() ? null : verdict.reason();
  }

  /** Names the layer that broke: the file's codec, the archive, or the member's codec. */
  private String blame() {
    if (decoded.failed()) {
      return compression.label();
    }
    return member.failed() ? container.label() : memberCompression.label();
  }

  private void closeMemberDecoder() throws IOException {
    if (memberDecoder != null) {
      InputStream decoder = memberDecoder;
      memberDecoder = null;
      decoder.close();
    }
  }

  /**
   * Notes whether the archive ended with its zero-filled end marker (Commons Compress takes a file
   * cut at a header boundary for a normal end, which would hide a truncated tar), and refuses a PAX
   * header or GNU long name larger than the limit before Commons Compress buffers it whole.
   */
  private static final class MarkedTarInputStream extends TarArchiveInputStream {

    private final long maxHeaderBytes;
    private boolean sawEndMarker;

    MarkedTarInputStream(InputStream in, long maxHeaderBytes) {
      super(in);
      this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
      boolean end = super.isEOFRecord(record);
      sawEndMarker |= end && record != null;
      return end;
    }

    @Override
    protected byte[] readRecord() throws IOException {
      byte[] record = super.readRecord();
      if (record != null
          && record.length > TYPE_OFFSET
          && HEADER_TYPES.indexOf(record[TYPE_OFFSET]) >= 0) {
        long size;
        try {
          size = TarUtils.parseOctalOrBinary(record, SIZE_OFFSET, SIZE_LENGTH);
        } catch (IllegalArgumentException e) {
          return record; // not a header after all: Commons Compress reports what is wrong
        }
        if (size > maxHeaderBytes) {
          throw DecoderLimitException.tarHeader((char) record[TYPE_OFFSET], size, maxHeaderBytes);
        }
      }
      return record;
    }
  }

  @Override
  public void close() throws IOException {
    try (archive) {
      closeMemberDecoder();
    }
  }
}
