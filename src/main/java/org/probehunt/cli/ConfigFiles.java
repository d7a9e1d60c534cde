package org.probehunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Opens the user's rule, contact, template and registry files, wherever they are. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** A UTF-8 reader on {@code path}; a missing file is a usage error naming the option. */
  static Reader open(String option, String path) {
    return new InputStreamReader(stream(option, path), StandardCharsets.UTF_8);
  }

  /** The bytes of {@code path}; a missing file is a usage error naming the option. */
  static InputStream stream(String option, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(new Configuration());
      if (!(fs.exists(p) && fs.getFileStatus(p).isFile())) {
        throw new UsageException(option + ": no such file: " + path);
      }
      return fs.open(p);
    } catch (IOException e) {
      throw new UsageException(option + ": cannot read " + path + ": " + e.getMessage());
    }
  }
}
