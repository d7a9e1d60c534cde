package org.probehunt.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.probehunt.input.ReadOptions;
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
      names = "--max-decoder-memory",
      paramLabel = "MIB",
      description =
          "Most memory one file's decoder may take, in MiB: an xz dictionary or a zstd window, and"
              + " a 64th of it for a tar header (default: 128). A file that needs more is refused"
              + " and listed in inputs.csv.")
  Integer maxDecoderMib;

  /** The forced format, or null to detect it per file. */
  LogFormat format() {
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
      super(Arrays.stream(LogFormat.values()).map(LogFormat::label).collect(Collectors.toList()));
    }
  }
}
