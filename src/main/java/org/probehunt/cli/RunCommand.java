package org.probehunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.probehunt.input.HadoopSettings;
import org.probehunt.job.DamagedInputException;
import org.probehunt.job.JobResult;
import org.probehunt.job.JobSettings;
import org.probehunt.job.OutputDir;
import org.probehunt.job.OutputFolders;
import org.probehunt.job.RunLock;
import org.probehunt.job.Sessions;
import org.probehunt.report.HtmlLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** probehunt run: the whole job, from log files to reports and draft notices. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads access logs (plain or compressed, loose or in archives), flags the hosts that sent"
          + " vulnerability probes, pulls every request those hosts made, and writes CSV reports"
          + " and draft notices to DIR."
    })
public final class RunCommand implements Callable<Integer>, WritesReports {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "Log files, folders (read recursively) or globs; file:, hdfs: and s3a: paths work.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "probehunt-out",
      description = "Where the reports go (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--overwrite", description = "Empty DIR first if it holds files.")
  boolean overwrite;

  @Option(
      names = "--strict",
      description = "Fail (exit 1) when an input is damaged, instead of reading what is readable.")
  boolean strict;

  @Option(
      names = "--no-bom",
      description = "Write CSV without the UTF-8 byte-order mark (Excel needs it to read UTF-8).")
  boolean noBom;

  @Option(
      names = "--parquet",
      description =
          "Also write the flagged hosts and their requests as Parquet under DIR/parquet/ (requests"
              + " partitioned by UTC date), for Spark SQL over many months.")
  boolean parquet;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      description = "From and Reply-To of the draft notices.")
  String from;

  @Option(
      names = "--lang",
      paramLabel = "ja|en",
      converter = ReportLanguages.class,
      description =
          "Language of report.html (default: Japanese when the locale is Japanese, else English);"
              + " the notices are always drafted in both.")
  String lang;

  @Mixin InputOptions inputs;
  @Mixin DetectionOptions detection;
  @Mixin NoticeOptions notices;
  @Mixin LedgerOptions ledger;
  @Mixin ConsoleOptions consoleOptions;

  @Override
  @SuppressWarnings("try") // The RunLock is held for its try block and never read.
  public Integer call() throws Exception {
    PrintWriter console = consoleOptions.console(spec);
    JobSettings settings =
        new JobSettings(
            paths,
            out,
            overwrite,
            strict,
            detection.passSettings(
                inputs.format(), inputs.readOptions(), notices.serverName, inputs.formats()),
            detection.minProbes(),
            !noBom,
            notices.plan(from).withLedger(ledger.plan(true)),
            parquet,
            lang == null ? HtmlLabels.defaultLanguage() : lang);
    if (!notices.serverNamed()) {
      console.printf(
          "note: no --server-name; the drafts name this machine, %s%n",
          settings.notices().notices().serverName());
    }
    OutputFolders.checkAgainstInputs(HadoopSettings.driver(), out, overwrite, paths);
    // One run per folder: the lock comes first, so that a second run is told at once.
    JobResult result;
    try (RunLock lock = RunLock.take(HadoopSettings.driver(), out, "run", console)) {
      OutputFolders.check(HadoopSettings.driver(), out, overwrite);
      try {
        result = Sessions.run(settings, console);
      } catch (Exception | Error e) {
        try {
          OutputDir.afterFailure(HadoopSettings.driver(), out, e instanceof DamagedInputException);
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    }
    if (result.damaged()) {
      spec.commandLine()
          .getErr()
          .println("probehunt: some input was damaged; see " + result.location() + "/inputs.csv");
      spec.commandLine().getErr().flush();
      return ExitCodes.DAMAGED_INPUT;
    }
    return ExitCodes.DONE;
  }

  @Override
  public String reportFolder() {
    return out;
  }
}
