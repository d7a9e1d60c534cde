package org.probehunt.cli;

import java.io.IOException;
import org.probehunt.input.HadoopSettings;
import org.probehunt.job.LedgerFile;
import org.probehunt.job.LedgerPlan;
import org.probehunt.report.LedgerException;
import picocli.CommandLine.Option;

/** --ledger and --quiet-days, mixed into run and notify. */
final class LedgerOptions {
  @Option(
      names = "--ledger",
      paramLabel = "PATH",
      description =
          "The ledger of what was reported (CSV, a file or a folder that holds ledger.csv): hosts"
              + " it knows are not drafted again; hdfs: paths work.")
  String ledger;

  @Option(
      names = "--quiet-days",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "A host's probes up to N days, in log time, before the period of its last report count"
              + " as reported (default: ${DEFAULT-VALUE}).")
  int quietDays;

  /** The ledger read, or none; {@code record} says whether the command adds to one given. */
  LedgerPlan plan(boolean record) throws IOException, LedgerException {
    if (quietDays < 0) {
      throw new UsageException("--quiet-days must be 0 or more, not " + quietDays);
    }
    if (ledger == null) {
      return LedgerPlan.NONE;
    }
    return LedgerFile.open(HadoopSettings.driver(), ledger, quietDays, record);
  }
}
