package org.probehunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The report folder and the sender's address of {@code notify}. {@code --reports DIR} names the
 * folder and {@code --from ADDRESS} the sender, as on {@code run}. Command lines of older versions
 * said {@code --from DIR --sender ADDRESS}; without {@code --reports}, a {@code --from} that names
 * an existing folder is still read as the folder, with a note, and one that does not is an error,
 * so an old command line is never read the wrong way without a word.
 *
 * @param reports the report folder of an earlier run
 * @param sender From and Reply-To of the drafts, or null
 */
record NotifyArguments(String reports, String sender) {
  static final String NOTE =
      "probehunt: note: 'notify --from DIR' is the old spelling of 'notify --reports DIR';"
          + " --from now names the sender's address";

  /**
   * Reads the options as given; {@code sender} is the hidden old spelling of {@code --from}'s
   * address. The note on the old folder spelling goes to {@code err}.
   */
  static NotifyArguments resolve(
      String reports, String from, String sender, Configuration conf, PrintWriter err) {
    if (reports != null) {
      if (reports.isBlank()) {
        throw new UsageException("--reports: the folder name is empty");
      }
      if (from != null && sender != null) {
        throw new UsageException(
            "--from and --sender: give the sender's address once, as --from ADDRESS");
      }
      return new NotifyArguments(reports, from != null ? from : sender);
    }
    if (from == null) {
      throw new UsageException(
          "missing --reports DIR: the report folder of an earlier 'probehunt run'");
    }
    if (!isFolder(from, conf)) {
      throw new UsageException(
          "missing --reports DIR: the report folder of an earlier 'probehunt run' (--from names"
              + " the sender's address, and '"
              + from
              + "' is no folder to read the reports from)");
    }
    err.println(NOTE);
    err.flush();
    return new NotifyArguments(from, sender);
  }

  /** Whether {@code value} names an existing folder; an address names none. */
  private static boolean isFolder(String value, Configuration conf) {
    try {
      Path path = new Path(value);
      return path.getFileSystem(conf).getFileStatus(path).isDirectory();
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
