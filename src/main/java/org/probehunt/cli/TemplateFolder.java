package org.probehunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.notify.TemplateSet;

/**
 * Reads {@code --templates DIR}: every entry must be a template file under one of the built-in
 * names, so that a misspelt {@code notise.en.txt} or a folder named {@code notice.en.txt} is an
 * error rather than silently leaving the built-in text in the letters. Hidden entries ({@code
 * .DS_Store}, {@code .git}) are passed over. Each file must be UTF-8 and its placeholders known and
 * closed; every mistake is a one-line {@link UsageException} naming the file.
 */
final class TemplateFolder {
  /** Far above any letter: a larger file is a mistake (or a device), not a template. */
  private static final int MAX_BYTES = 1 << 20;

  private TemplateFolder() {}

  /** The templates of {@code dir}, the built-in one for each file it lacks. */
  static TemplateSet load(String dir) throws IOException {
    Path folder = new Path(dir);
    FileSystem fs = folder.getFileSystem(new Configuration());
    if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
      throw new UsageException("--templates: not a folder: " + dir);
    }
    String prefix = "--templates: " + folder + "/";
    FileStatus[] entries = fs.listStatus(folder);
    Arrays.sort(entries, Comparator.comparing((FileStatus s) -> s.getPath().getName()));
    Map<String, String> texts = new TreeMap<>();
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.startsWith(".")) {
        continue;
      }
      String where = prefix + name;
      if (!TemplateSet.fileNames().contains(name)) {
        throw new UsageException(
            where
                + ": not a template file name, expected one of "
                + String.join(", ", TemplateSet.fileNames()));
      }
      if (!entry.isFile()) {
        throw new UsageException(where + ": a folder, not a template file");
      }
      texts.put(name, text(fs, entry.getPath(), prefix));
    }
    try {
      return TemplateSet.load(texts);
    } catch (IllegalArgumentException e) {
      // The message starts with FILE:LINE; the folder makes it a path the user can open.
      throw new UsageException(prefix + e.getMessage());
    }
  }

  /** The text of {@code file}; {@code prefix} starts each error, which goes on with the name. */
  private static String text(FileSystem fs, Path file, String prefix) throws IOException {
    String where = prefix + file.getName();
    byte[] bytes;
    try (InputStream in = fs.open(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UsageException(where + ": cannot read: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(where + ": larger than 1 MiB, not a template");
    }
    try {
      return TemplateSet.decode(file.getName(), bytes);
    } catch (IllegalArgumentException e) {
      throw new UsageException(prefix + e.getMessage());
    }
  }
}
