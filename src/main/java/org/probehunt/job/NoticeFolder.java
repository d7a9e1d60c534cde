package org.probehunt.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.notify.NoticeFiles;

/**
 * The report folder as the drafting tasks write it: each file is written under a temporary name and
 * renamed into place, so a task that fails leaves no half draft. Local paths go through java.nio
 * (no process is forked per file, whatever file system Hadoop has cached); {@code hdfs:} and {@code
 * s3a:} through Hadoop's FileSystem.
 */
final class NoticeFolder implements NoticeFiles.Folder, Serializable {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final HadoopConf conf;
  private transient FileSystem fs;
  private transient java.nio.file.Path local;
  private transient Draft draft;

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
   * A local draft, through java.nio: the folder is resolved once per task, not per file, and the
   * draft is made in one buffer the task reuses, then written with one call. A 64 KiB stream buffer
   * per file was 2.2 GB of garbage for a busy month's 35,000 drafts of a few kilobytes.
   */
  private void writeLocal(String relativePath, NoticeFiles.Content content) throws IOException {
    if (local == null) {
      local = java.nio.file.Path.of(new Path(dir).toUri());
      draft = new Draft();
    }
    java.nio.file.Path to = local.resolve(relativePath);
    java.nio.file.Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
    draft.reset();
    content.writeTo(draft);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        draft.writeTo(out);
      }
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** A draft's bytes, kept between drafts: most are a few kilobytes, a few are megabytes. */
  private static final class Draft extends ByteArrayOutputStream {
    private static final int KEPT = 1 << 20;

    Draft() {
      super(1 << 14);
    }

    @Override
    public synchronized void reset() {
      if (buf.length > KEPT) {
        buf = new byte[1 << 14]; // one huge draft need not hold its buffer for the whole task
      }
      super.reset();
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
