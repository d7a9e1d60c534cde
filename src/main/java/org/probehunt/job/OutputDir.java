package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.Candidate;
import org.probehunt.input.RealPaths;

/** The report folder: checked before any work starts, then written one named file at a time. */
public final class OutputDir {
  private final FileSystem fs;
  private final Path dir;

  private OutputDir(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /** The files and folders a run writes; --overwrite removes these and nothing else. */
  private static final Set<String> REPORTS =
      Set.of(
          "hosts.csv",
          "requests.csv",
          "inputs.csv",
          "rejects.csv",
          "domains.csv",
          "campaigns.csv",
          "summary.json",
          "notices");

  private static final Pattern ABUSEIPDB = Pattern.compile("abuseipdb(-[0-9]+)?\\.csv");

  /** The mark of a finished run: a folder without it is not known to hold only reports. */
  private static final String SUMMARY = "summary.json";

  /**
   * Opens {@code dir} for writing. A folder that already holds files is refused unless {@code
   * overwrite}, so that a second run never mixes its reports with an earlier run's; with it, only
   * an earlier run's reports are removed, and never a folder that holds an input however a link
   * leads to it.
   */
  static OutputDir prepare(
      Configuration conf, String dir, boolean overwrite, List<Candidate> inputs)
      throws IOException {
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(conf);
    refuseInputs(conf, fs, path, dir, inputs);
    check(fs, path, dir, overwrite);
    // No hidden .crc files beside the reports: users open and edit them (notify reads them back).
    fs.setWriteChecksum(false);
    fs.setVerifyChecksum(false);
    if (fs.exists(path)) {
      for (FileStatus child : fs.listStatus(path)) {
        if (isReport(child.getPath().getName())) {
          deleteTree(fs, child.getPath());
        }
      }
    }
    fs.mkdirs(path);
    return new OutputDir(fs, fs.makeQualified(path));
  }

  /** Refuses a report folder that is, or holds, an input once links on either side are followed. */
  private static void refuseInputs(
      Configuration conf, FileSystem fs, Path path, String dir, List<Candidate> inputs)
      throws IOException {
    String out = RealPaths.of(fs, path);
    for (Candidate input : inputs) {
      Path inputPath = new Path(input.path());
      String real = RealPaths.of(inputPath.getFileSystem(conf), inputPath);
      if (RealPaths.within(real, out)) {
        // --overwrite would delete the very logs the run is about to read.
        throw new OutputFolderException(
            "--out " + dir + " holds an input, " + input.path() + "; choose another folder");
      }
    }
  }

  /** True for a name a run writes into its report folder, or the hidden pieces of one. */
  static boolean isReport(String name) {
    if (name.startsWith(".") && name.endsWith(".pieces")) {
      return isReport(name.substring(1, name.length() - ".pieces".length()));
    }
    return REPORTS.contains(name) || ABUSEIPDB.matcher(name).matches();
  }

  /**
   * Removes a file or a folder with all it holds. Local folders go through java.nio: Hadoop's local
   * file system took seconds for the tens of thousands of drafts of a busy month. Links are
   * removed, never followed.
   */
  static void deleteTree(FileSystem fs, Path path) throws IOException {
    if (!"file".equals(fs.makeQualified(path).toUri().getScheme())) {
      fs.delete(path, true);
      return;
    }
    java.nio.file.Path root = java.nio.file.Path.of(fs.makeQualified(path).toUri());
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException e)
              throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** An existing folder, written into as it is (notify replaces only its own files). */
  static OutputDir existing(FileSystem fs, Path dir) {
    fs.setWriteChecksum(false);
    return new OutputDir(fs, fs.makeQualified(dir));
  }

  /**
   * Refuses a report folder that is a file, or that holds files when {@code overwrite} is not
   * given. Cheap enough to run before Spark starts, so the mistake is told at once.
   */
  public static void check(Configuration conf, String dir, boolean overwrite) throws IOException {
    Path path = new Path(dir);
    // A private instance: the cached one would be this bare configuration's file system, which
    // the job would then be handed in place of the one its Spark properties choose.
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      check(fs, path, dir, overwrite);
    }
  }

  /**
   * Refuses {@code --overwrite} with a report folder that lies inside an input folder named on the
   * command line, or holds one, once symbolic links are resolved: before Spark starts, and before
   * anything is removed. Globs are left to the check of the files they match.
   */
  public static void checkAgainstInputs(
      Configuration conf, String dir, boolean overwrite, List<String> inputs) throws IOException {
    if (!overwrite) {
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
        throw new OutputFolderException(
            "--out " + dir + " holds an input, " + input + "; choose another folder");
      }
      if (RealPaths.within(out, real)) {
        throw new OutputFolderException(
            "--out "
                + dir
                + " lies inside the input folder "
                + input
                + ", and --overwrite never removes anything there; choose another folder");
      }
    }
  }

  private static boolean isGlob(Path path) {
    try {
      return new GlobPattern(path.toUri().getPath()).hasWildcard();
    } catch (RuntimeException e) {
      return true; // a malformed glob: Discovery names the mistake
    }
  }

  private static void check(FileSystem fs, Path path, String dir, boolean overwrite)
      throws IOException {
    if (!fs.exists(path)) {
      return;
    }
    if (!fs.getFileStatus(path).isDirectory()) {
      throw new OutputFolderException("--out " + dir + " is a file, not a folder");
    }
    if (fs.listStatus(path).length == 0) {
      return;
    }
    if (!overwrite) {
      throw new OutputFolderException(
          "--out " + dir + " is not empty; choose another folder or add --overwrite");
    }
    if (!fs.exists(new Path(path, SUMMARY))) {
      throw new OutputFolderException(
          "--out "
              + dir
              + " holds files but no "
              + SUMMARY
              + " of an earlier run, and --overwrite replaces only a run's reports;"
              + " choose another folder or empty it yourself");
    }
  }

  /**
   * Refuses a folder for {@code notify --out} the way {@code run} refuses its report folder: the
   * {@code --from} folder itself (its notices are the ones to replace), an empty or new folder, or
   * with {@code overwrite} one that holds an earlier run's or notify's reports. Only notices/ and
   * domains.csv are then replaced.
   */
  public static void checkNotices(Configuration conf, String from, String out, boolean overwrite)
      throws IOException {
    Path path = new Path(out);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      Path source = new Path(from);
      FileSystem sourceFs = source.getFileSystem(conf);
      if (!fs.exists(path) || RealPaths.of(fs, path).equals(RealPaths.of(sourceFs, source))) {
        return;
      }
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new OutputFolderException("--out " + out + " is a file, not a folder");
      }
      if (fs.listStatus(path).length == 0) {
        return;
      }
      if (!overwrite) {
        throw new OutputFolderException(
            "--out " + out + " is not empty; choose another folder or add --overwrite");
      }
      if (!fs.exists(new Path(path, SUMMARY)) && !fs.exists(new Path(path, "notices/index.csv"))) {
        throw new OutputFolderException(
            "--out "
                + out
                + " holds files but no reports of an earlier run, and --overwrite replaces only"
                + " notices/ and domains.csv of one; choose another folder or empty it yourself");
      }
    }
  }

  /** A new file at {@code relative} (forward slashes), replacing nothing. */
  OutputStream create(String relative) throws IOException {
    return fs.create(new Path(dir, relative), false);
  }

  /** The full path of {@code relative}, for tasks that write pieces of a report. */
  String path(String relative) {
    return new Path(dir, relative).toString();
  }

  /** Appends the bytes of file {@code relative} to {@code target}; a missing file adds nothing. */
  void copy(String relative, OutputStream target) throws IOException {
    Path path = new Path(dir, relative);
    if (fs.exists(path)) {
      try (InputStream in = fs.open(path)) {
        in.transferTo(target);
      }
    }
  }

  /** Makes the folder {@code relative} and its parents. */
  void mkdirs(String relative) throws IOException {
    fs.mkdirs(new Path(dir, relative));
  }

  /** Removes {@code relative}, a file or a folder. */
  void delete(String relative) throws IOException {
    deleteTree(fs, new Path(dir, relative));
  }

  /** Where the reports are, for the console. */
  String location() {
    return dir.toString();
  }
}
