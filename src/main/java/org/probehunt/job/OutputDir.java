package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.Candidate;

/** The report folder: checked before any work starts, then written one named file at a time. */
public final class OutputDir {
  /**
   * The hidden folder a run writes its reports into; they are moved into the report folder only
   * when the run has written them all, so a failed run leaves an earlier run's reports whole.
   */
  static final String STAGING = ".probehunt-staging";

  private final FileSystem fs;
  private final Path dir;
  private final Path folder;
  private final boolean replacesAll;

  private OutputDir(FileSystem fs, Path dir, Path folder, boolean replacesAll) {
    this.fs = fs;
    this.dir = dir;
    this.folder = folder;
    this.replacesAll = replacesAll;
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
          "report.html",
          "notices",
          ParquetTables.FOLDER);

  private static final Pattern ABUSEIPDB = Pattern.compile("abuseipdb(-[0-9]+)?\\.csv");

  /**
   * Opens {@code dir} for writing, into its staging folder. A folder that already holds files is
   * refused unless {@code overwrite}, so that a second run never mixes its reports with an earlier
   * run's; with it, an earlier run's reports are replaced when this run's are in place (see {@link
   * #publish}), and never in a folder that holds an input however a link leads to it.
   */
  static OutputDir prepare(
      Configuration conf, String dir, boolean overwrite, List<Candidate> inputs)
      throws IOException {
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(conf);
    OutputFolders.refuseInputs(conf, fs, path, dir, inputs);
    OutputFolders.check(fs, path, dir, overwrite);
    // No hidden .crc files beside the reports: users open and edit them (notify reads them back).
    fs.setWriteChecksum(false);
    fs.setVerifyChecksum(false);
    fs.mkdirs(path);
    Path staging = new Path(path, STAGING);
    // A failed run's leftovers: the folder's lock says that no other run is at work.
    deleteTree(fs, staging);
    fs.mkdirs(staging);
    return new OutputDir(fs, fs.makeQualified(staging), fs.makeQualified(path), true);
  }

  /**
   * Puts the staged reports in place: a run removes an earlier run's reports (the known names
   * only), notify only the files it replaces; then each staged report is moved in by a rename, and
   * the staging folder goes.
   */
  void publish() throws IOException {
    publish(fs, folder, dir, replacesAll);
  }

  private static void publish(FileSystem fs, Path folder, Path staging, boolean replacesAll)
      throws IOException {
    if (!fs.exists(staging)) {
      return;
    }
    FileStatus[] staged = fs.listStatus(staging);
    for (FileStatus child : replacesAll ? fs.listStatus(folder) : staged) {
      String name = child.getPath().getName();
      if (isReport(name)) {
        deleteTree(fs, new Path(folder, name));
      }
    }
    for (FileStatus child : staged) {
      String name = child.getPath().getName();
      // The pieces of a report are never a report. Their folders are gone by now, but an object
      // store's listing may still name one (S3Proxy's does, from its empty directory).
      if (isPieces(name)) {
        continue;
      }
      Path target = new Path(folder, name);
      if (!fs.rename(child.getPath(), target)) {
        throw new IOException("cannot move " + child.getPath() + " to " + target);
      }
    }
    deleteTree(fs, staging);
  }

  /**
   * After a failed run (or notify) into {@code dir}: its staged reports are put in place when
   * {@code keep} (a --strict run's inputs.csv says which input was damaged), else removed, leaving
   * an earlier run's reports as they were.
   */
  public static void afterFailure(Configuration conf, String dir, boolean keep) throws IOException {
    Path path = new Path(dir);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      Path folder = fs.makeQualified(path);
      Path staging = new Path(folder, STAGING);
      if (keep) {
        publish(fs, folder, staging, true);
      } else {
        deleteTree(fs, staging);
      }
    }
  }

  /** True for a name a run writes into its report folder, or the hidden pieces of one. */
  static boolean isReport(String name) {
    if (isPieces(name)) {
      return isReport(name.substring(1, name.length() - ".pieces".length()));
    }
    return REPORTS.contains(name) || ABUSEIPDB.matcher(name).matches();
  }

  /** True for the hidden folder of a report's pieces ({@code .NAME.pieces}). */
  private static boolean isPieces(String name) {
    return name.startsWith(".") && name.endsWith(".pieces");
  }

  /**
   * Removes a file or a folder with all it holds. Local folders go through {@link LocalTree}:
   * Hadoop's local file system took seconds for the tens of thousands of drafts of a busy month.
   */
  static void deleteTree(FileSystem fs, Path path) throws IOException {
    if (!"file".equals(fs.makeQualified(path).toUri().getScheme())) {
      fs.delete(path, true);
      return;
    }
    LocalTree.delete(java.nio.file.Path.of(fs.makeQualified(path).toUri()));
  }

  /**
   * An existing folder that notify writes drafts into: staged like a run's reports, and publishing
   * replaces only the files it staged (notices/, domains.csv).
   */
  static OutputDir forNotices(FileSystem fs, Path dir) throws IOException {
    fs.setWriteChecksum(false);
    Path folder = fs.makeQualified(dir);
    Path staging = new Path(folder, STAGING);
    deleteTree(fs, staging); // a failed notify's leftovers; the folder's lock is held
    fs.mkdirs(staging);
    return new OutputDir(fs, staging, folder, false);
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

  /** Reads file {@code relative}. */
  InputStream open(String relative) throws IOException {
    return fs.open(new Path(dir, relative));
  }

  /** Makes the folder {@code relative} and its parents. */
  void mkdirs(String relative) throws IOException {
    fs.mkdirs(new Path(dir, relative));
  }

  /** Removes {@code relative}, a file or a folder. */
  void delete(String relative) throws IOException {
    deleteTree(fs, new Path(dir, relative));
  }

  /** Where the reports are written now: the staging folder until they are published. */
  String location() {
    return dir.toString();
  }

  /** Where the reports end up, for the console. */
  String folder() {
    return folder.toString();
  }
}
