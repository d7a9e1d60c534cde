package org.probehunt.job;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.Candidate;
import org.probehunt.input.RealPaths;
import org.probehunt.job.OutputFolderException.Remedy;

/**
 * The refusals that keep a report folder safe: a run never mixes its reports with an earlier run's
 * unless asked to replace them, never removes a file it did not write, and never writes where an
 * input lies. Each refusal is an {@link OutputFolderException} naming the folder as the user did.
 */
public final class OutputFolders {
  /** The mark of a finished run: a folder without it is not known to hold only reports. */
  static final String SUMMARY = "summary.json";

  private OutputFolders() {}

  /**
   * Refuses a report folder that is a file, or that holds files when {@code replace} is not given.
   * Cheap enough to run before Spark starts, so the mistake is told at once.
   */
  public static void check(Configuration conf, String dir, boolean replace) throws IOException {
    Path path = new Path(dir);
    // A private instance: the cached one would be this bare configuration's file system, which
    // the job would then be handed in place of the one its Spark properties choose.
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      check(fs, path, dir, replace);
    }
  }

  static void check(FileSystem fs, Path path, String dir, boolean replace) throws IOException {
    if (!fs.exists(path)) {
      return;
    }
    if (!fs.getFileStatus(path).isDirectory()) {
      throw new OutputFolderException(dir, "is a file, not a folder", Remedy.ANOTHER_FOLDER);
    }
    if (isEmpty(fs, path)) {
      return;
    }
    if (!replace) {
      throw new OutputFolderException(dir, "is not empty", Remedy.ANOTHER_FOLDER_OR_REPLACE);
    }
    if (!fs.exists(new Path(path, SUMMARY))) {
      throw new OutputFolderException(
          dir,
          "holds files but no "
              + SUMMARY
              + " of an earlier run, and only a run's reports are ever replaced",
          Remedy.ANOTHER_FOLDER_OR_EMPTY_IT);
    }
  }

  /**
   * Refuses, when an earlier run's reports are to be replaced, a report folder that lies inside an
   * input folder named on the command line, or holds one, once symbolic links are resolved: before
   * Spark starts, and before anything is removed. Globs are left to the check of the files they
   * match.
   */
  public static void checkAgainstInputs(
      Configuration conf, String dir, boolean replace, List<String> inputs) throws IOException {
    if (!replace) {
      return;
    }
    Path path = new Path(dir);
    String out = RealPaths.of(path.getFileSystem(conf), path);
    for (String input : inputs) {
      Path inputPath = new Path(input);
      if (isGlob(inputPath)) {
        continue;
      }
      String real = RealPaths.of(inputPath.getFileSystem(conf), inputPath);
      if (RealPaths.within(real, out)) {
        throw holdsInput(dir, input);
      }
      if (RealPaths.within(out, real)) {
        throw new OutputFolderException(
            dir,
            "lies inside the input folder " + input + ", where nothing is ever removed",
            Remedy.ANOTHER_FOLDER);
      }
    }
  }

  /** Refuses a report folder that is, or holds, an input once links on either side are followed. */
  static void refuseInputs(
      Configuration conf, FileSystem fs, Path path, String dir, List<Candidate> inputs)
      throws IOException {
    String out = RealPaths.of(fs, path);
    for (Candidate input : inputs) {
      Path inputPath = new Path(input.path());
      String real = RealPaths.of(inputPath.getFileSystem(conf), inputPath);
      if (RealPaths.within(real, out)) {
        // Replacing reports would delete the very logs the run is about to read.
        throw holdsInput(dir, input.path());
      }
    }
  }

  /** True when the folder holds nothing but the lock or a failed run's staged reports. */
  private static boolean isEmpty(FileSystem fs, Path path) throws IOException {
    for (FileStatus child : fs.listStatus(path)) {
      String name = child.getPath().getName();
      if (!name.equals(RunLock.NAME) && !name.equals(OutputDir.STAGING)) {
        return false;
      }
    }
    return true;
  }

  private static OutputFolderException holdsInput(String dir, String input) {
    return new OutputFolderException(dir, "holds an input, " + input, Remedy.ANOTHER_FOLDER);
  }

  private static boolean isGlob(Path path) {
    try {
      return new GlobPattern(path.toUri().getPath()).hasWildcard();
    } catch (RuntimeException e) {
      return true; // a malformed glob: Discovery names the mistake
    }
  }

  /**
   * Refuses a folder for the drafts of {@code notify} the way a run refuses its report folder: the
   * reports' own folder {@code from} (its notices are the ones to replace), an empty or new folder,
   * or with {@code replace} one that holds an earlier run's or notify's reports. Only notices/ and
   * domains.csv are then replaced.
   */
  public static void checkNotices(Configuration conf, String from, String out, boolean replace)
      throws IOException {
    Path path = new Path(out);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      Path source = new Path(from);
      FileSystem sourceFs = source.getFileSystem(conf);
      if (!fs.exists(path) || RealPaths.of(fs, path).equals(RealPaths.of(sourceFs, source))) {
        return;
      }
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new OutputFolderException(out, "is a file, not a folder", Remedy.ANOTHER_FOLDER);
      }
      if (isEmpty(fs, path)) {
        return;
      }
      if (!replace) {
        throw new OutputFolderException(out, "is not empty", Remedy.ANOTHER_FOLDER_OR_REPLACE);
      }
      if (!fs.exists(new Path(path, SUMMARY)) && !fs.exists(new Path(path, "notices/index.csv"))) {
        throw new OutputFolderException(
            out,
            "holds files but no reports of an earlier run, and only the notices/ and domains.csv"
                + " of one are ever replaced",
            Remedy.ANOTHER_FOLDER_OR_EMPTY_IT);
      }
    }
  }
}
