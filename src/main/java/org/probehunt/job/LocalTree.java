package org.probehunt.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.probehunt.contact.DaemonThreads;

/**
 * Removes a local file or folder with all it holds. A run that replaces a busy month's reports
 * removes tens of thousands of drafts, and on a disk mounted with {@code discard} each unlink waits
 * for the device: one after another they took seconds, so several threads unlink the files at once.
 * Links are removed, never followed.
 */
final class LocalTree {
  /** Unlinks at once: they wait on the device, not the CPU, so more than the cores. */
  private static final int THREADS = 8;

  /** Below this many files one thread is as quick as starting more. */
  private static final int SERIAL_FILES = 256;

  private LocalTree() {}

  /** Removes {@code root}, a file, a link or a folder; nothing when it does not exist. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    List<Path> folders = new ArrayList<>(); // after what they hold: the walk's post-order
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            files.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            folders.add(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    if (files.size() < SERIAL_FILES) {
      for (Path file : files) {
        Files.delete(file);
      }
    } else {
      unlinkInParallel(files);
    }
    for (Path folder : folders) {
      Files.delete(folder);
    }
  }

  /** Deletes every file, {@link #THREADS} at a time; the first failure stops them all. */
  private static void unlinkInParallel(List<Path> files) throws IOException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(THREADS, DaemonThreads.named("probehunt-delete"));
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int at = next.getAndIncrement(); at < files.size(); ) {
                    try {
                      Files.delete(files.get(at));
                    } catch (IOException e) {
                      next.set(files.size());
                      throw new UncheckedIOException(e);
                    }
                    at = next.getAndIncrement();
                  }
                }));
      }
      IOException failure = null;
      for (Future<?> worker : workers) {
        try {
          worker.get();
        } catch (ExecutionException e) {
          IOException cause =
              e.getCause() instanceof UncheckedIOException u
                  ? u.getCause()
                  : new IOException("cannot delete " + files.get(0).getParent(), e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while deleting " + files.get(0).getParent(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
