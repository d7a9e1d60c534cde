package org.probehunt.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.FormatCatalog;
import org.probehunt.parse.FormatException;
import org.probehunt.parse.LogFormat;
import picocli.CommandLine.Option;

/** Which files are read, and how. */
final class InputOptions {
  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Also read files with names like GLOB in folders (repeatable).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip files with names like GLOB (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description =
          "Read every file in this format instead of detecting it: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String formatName;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "Read every file in this format: an Apache LogFormat string ('%%h %%l %%u %%t \"%%r\" %%>s"
              + " %%b'), an nginx log_format string, or a format's name.")
  String logFormat;

  @Option(
      names = "--log-formats",
      paramLabel = "FILE",
      description =
          "Also detect the formats named in FILE: one 'name = format string' per line, # for"
              + " comments.")
  String logFormatsFile;

  @Option(
      names = "--max-decoder-memory",
      paramLabel = "MIB",
      description =
          "Most memory one file's decoder may take, in MiB: an xz dictionary or a zstd window, and"
              + " a 64th of it for a tar header (default: 128). A file that needs more is refused"
              + " and listed in inputs.csv.")
  Integer maxDecoderMib;

  private FormatCatalog catalog;

  /** The forced format, or null to detect it per file. */
  LogFormat format() throws IOException {
    if (formatName != null && logFormat != null) {
      throw new UsageException("--format and --log-format: give one or the other");
    }
    if (logFormat != null) {
      Optional<LogFormat> named = formats().byLabel(logFormat.strip());
      if (named.isPresent()) {
        return named.get();
      }
      try {
        return LogFormat.of(logFormat);
      } catch (FormatException e) {
        throw new UsageException("--log-format: " + e.getMessage());
      }
    }
    if (formatName == null) {
      return null;
    }
    return LogFormat.byLabel(formatName)
        .orElseThrow(
            () ->
                new UsageException(
                    "--format: unknown format '"
                        + formatName
                        + "' (expected one of: "
                        + String.join(", ", new FormatNames())
                        + ")"));
  }

  /** The formats files are detected among: the built-ins and those of --log-formats. */
  FormatCatalog formats() throws IOException {
    if (catalog == null) {
      catalog = FormatCatalog.builtIns();
      if (logFormatsFile != null) {
        try (BufferedReader reader =
            new BufferedReader(ConfigFiles.open("--log-formats", logFormatsFile))) {
          catalog = FormatCatalog.read(logFormatsFile, reader.lines().toList());
        } catch (FormatException e) {
          throw new UsageException("--log-formats: " + e.getMessage());
        }
      }
    }
    return catalog;
  }

  /** How files are read: the default line cap, the decoder limit, the archive members' names. */
  ReadOptions readOptions() {
    ReadOptions options = ReadOptions.defaults().withGlobs(include, exclude);
    if (maxDecoderMib == null) {
      return options;
    }
    if (maxDecoderMib < 1 || maxDecoderMib > 1 << 20) {
      throw new UsageException(
          "--max-decoder-memory: " + maxDecoderMib + " is not between 1 and 1048576 (MiB)");
    }
    return options.withMaxDecoderBytes((long) maxDecoderMib << 20);
  }

  /** The format names, for help and errors. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(LogFormat.values().stream().map(LogFormat::label).collect(Collectors.toList()));
    }
  }
}
