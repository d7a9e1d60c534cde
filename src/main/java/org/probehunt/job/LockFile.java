package org.probehunt.job;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.job.OutputFolderException.Remedy;

/**
 * The lock file of a report folder: created only if absent, read, and removed only while it holds
 * the expected text. Local folders go through java.nio (whose create-new is atomic), others through
 * a private Hadoop file system instance, so that the cached one the job uses is not a bare
 * configuration's.
 */
final class LockFile implements Closeable {
  private final String dir;
  private final FileSystem fs;
  private final Path folder;
  private final java.nio.file.Path local;
  private boolean open = true;

  private LockFile(String dir, FileSystem fs, Path folder, java.nio.file.Path local) {
    this.dir = dir;
    this.fs = fs;
    this.folder = folder;
    this.local = local;
  }

  static LockFile open(Configuration conf, String dir) throws IOException {
    Path path = new Path(dir);
    FileSystem fs = FileSystem.newInstance(path.toUri(), conf);
    Path qualified = fs.makeQualified(path);
    if ("file".equals(qualified.toUri().getScheme())) {
      fs.close();
      return new LockFile(dir, null, qualified, java.nio.file.Path.of(qualified.toUri()));
    }
    return new LockFile(dir, fs, qualified, null);
  }

  /** Makes the folder if it is missing; true when this call made it. */
  boolean makeFolder() throws IOException {
    boolean exists = local != null ? Files.exists(local) : fs.exists(folder);
    if (exists) {
      boolean isFolder =
          local != null ? Files.isDirectory(local) : fs.getFileStatus(folder).isDirectory();
      if (!isFolder) {
        throw new OutputFolderException(dir, "is a file, not a folder", Remedy.ANOTHER_FOLDER);
      }
      return false;
    }
    if (local != null) {
      Files.createDirectories(local);
    } else {
      fs.mkdirs(folder);
    }
    return true;
  }

  /** Creates the lock with {@code text} unless it exists; true when this call created it. */
  boolean create(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (local != null) {
      try (OutputStream out =
          Files.newOutputStream(lock(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    Path lock = new Path(folder, RunLock.NAME);
    try (OutputStream out = fs.create(lock, false)) {
      out.write(bytes);
      return true;
    } catch (IOException e) {
      if (fs.exists(lock)) {
        return false; // FileAlreadyExistsException, or a store's own word for it
      }
      throw e;
    }
  }

  /** The lock's text, or null when there is no lock. */
  String read() throws IOException {
    try (InputStream in =
        local != null ? Files.newInputStream(lock()) : fs.open(new Path(folder, RunLock.NAME))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** Removes the lock if it still holds {@code text}. */
  void deleteIf(String text) throws IOException {
    if (!text.equals(read())) {
      return;
    }
    if (local != null) {
      Files.deleteIfExists(lock());
    } else {
      fs.delete(new Path(folder, RunLock.NAME), false);
    }
  }

  /** Removes the folder if nothing is in it. */
  void removeFolderIfEmpty() throws IOException {
    if (local != null) {
      try {
        Files.deleteIfExists(local);
      } catch (DirectoryNotEmptyException e) {
        // reports, or another run's lock: the folder stays
      }
    } else if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
      fs.delete(folder, false);
    }
  }

  /** The lock as the user would name it. */
  String where() {
    return new Path(dir, RunLock.NAME).toString();
  }

  boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    if (fs != null) {
      fs.close();
    }
  }

  private java.nio.file.Path lock() {
    return local.resolve(RunLock.NAME);
  }
}
