package org.probehunt.job;

import java.io.BufferedOutputStream;
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

  /** A local draft, through java.nio: the folder is resolved once per task, not per file. */
  private void writeLocal(String relativePath, NoticeFiles.Content content) throws IOException {
    if (local == null) {
      local = java.nio.file.Path.of(new Path(dir).toUri());
    }
    java.nio.file.Path to = local.resolve(relativePath);
    java.nio.file.Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(out);
      }
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
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
