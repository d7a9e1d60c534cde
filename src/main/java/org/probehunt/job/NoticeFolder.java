package org.probehunt.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.notify.GrowingBytes;
import org.probehunt.notify.NoticeFiles;

/**
 * The report folder as the drafting tasks write it. A draft that fails to be written is removed,
 * and a task that fails leaves nothing a reader sees: the run writes into its staging folder
 * ({@link OutputDir}), which a failed run removes, and the task's next attempt writes the same
 * drafts again under the same names. Local paths go through java.nio (no process is forked per
 * file, whatever file system Hadoop has cached), each draft straight under its own name; {@code
 * hdfs:} and {@code s3a:} through Hadoop's FileSystem, under a temporary name that is then renamed.
 */
final class NoticeFolder implements NoticeFiles.Folder, Serializable {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final HadoopConf conf;
  private transient FileSystem fs;
  private transient java.nio.file.Path local;
  // A task deserializes its own copy of the folder, so each task has a buffer of its own.
  private transient GrowingBytes held;

  /** {@code dir}: the qualified report folder, e.g. {@code file:/data/out}. */
  NoticeFolder(String dir, HadoopConf conf) {
    this.dir = dir;
    this.conf = conf;
  }

  @Override
  public void write(String relativePath, NoticeFiles.Content content) throws IOException {
    if (dir.startsWith("file:")) {
      writeLocal(relativePath, content);
      return;
    }
    Path target = new Path(dir, relativePath);
    Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
    FileSystem files = fileSystem(target);
    try {
      try (OutputStream out = files.create(temporary, true)) {
        content.writeTo(out);
      }
      // HDFS renames onto nothing: a draft left by a failed attempt of this task goes first.
      files.delete(target, false);
      if (!files.rename(temporary, target)) {
        throw new IOException("cannot move " + temporary + " to " + target);
      }
    } finally {
      files.delete(temporary, false);
    }
  }

  /**
   * A local draft, through java.nio: the folder is resolved once per task, not per file, and a
   * draft of a few kilobytes, as nearly all are, is made in a buffer the task reuses and written
   * with one call. A 64 KiB stream buffer per file was 2.2 GB of garbage for a busy month's 35,000
   * drafts. A draft that outgrows the buffer is streamed to its file, so that a contact with a
   * million lines of evidence is never held whole. No temporary name: on ext4 the rename of each of
   * a busy month's 35,000 drafts was 0.4 s of the kernel's time, for nothing the staging folder
   * does not already give.
   */
  private void writeLocal(String relativePath, NoticeFiles.Content content) throws IOException {
    if (local == null) {
      local = java.nio.file.Path.of(new Path(dir).toUri());
      held = new GrowingBytes(1 << 14);
    }
    java.nio.file.Path to = local.resolve(relativePath);
    DraftStream draft = new DraftStream(held, to);
    try {
      content.writeTo(draft);
      draft.finish();
    } catch (IOException | RuntimeException e) {
      draft.abandon(e);
      try {
        Files.deleteIfExists(to);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * A draft's bytes on their way to {@code file}: held in the task's buffer up to {@link #HELD}
   * bytes and written when the draft is finished; past that, the file is opened and the rest
   * streamed. The file exists only once bytes are written to it.
   */
  private static final class DraftStream extends OutputStream {
    static final int HELD = 1 << 20;

    private final GrowingBytes held;
    private final java.nio.file.Path file;
    private OutputStream out;

    DraftStream(GrowingBytes held, java.nio.file.Path file) {
      held.reset();
      this.held = held;
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      if (out == null && held.size() < HELD) {
        held.write(b);
      } else {
        spill().write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (out == null && held.size() + len <= HELD) {
        held.write(b, off, len);
      } else {
        spill().write(b, off, len);
      }
    }

    /** Writes what is held, or the rest of what was streamed, and closes the file. */
    void finish() throws IOException {
      if (out == null) {
        try (OutputStream whole = Files.newOutputStream(file)) {
          held.writeTo(whole);
        }
      } else {
        out.close();
      }
      held.reset();
    }

    /** Closes the file, if one was opened, after {@code failure}. */
    void abandon(Exception failure) {
      held.reset();
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          failure.addSuppressed(e);
        }
      }
    }

    private OutputStream spill() throws IOException {
      if (out == null) {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        held.writeTo(out);
        held.reset();
      }
      return out;
    }
  }

  private FileSystem fileSystem(Path path) throws IOException {
    if (fs == null) {
      fs = path.getFileSystem(conf.value());
      fs.setWriteChecksum(false);
    }
    return fs;
  }
}
