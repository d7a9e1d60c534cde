package org.probehunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.HadoopSettings;
import org.probehunt.job.NoticePlan;
import org.probehunt.job.OutputDir;
import org.probehunt.job.OutputFolders;
import org.probehunt.job.Renotify;
import org.probehunt.job.RunLock;
import org.probehunt.job.Sessions;
import org.probehunt.report.CsvInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** probehunt notify: drafts the notices again from a run's (edited) reports, without the logs. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Drafts the notices again from the hosts.csv and requests.csv of an earlier run, without"
          + " reading the logs: remove the hosts you do not want to report from hosts.csv (or"
          + " edit the templates), then run this. The notices/ folder and domains.csv are"
          + " replaced."
    })
public final class NotifyCommand implements Callable<Integer>, WritesReports {
  @Spec CommandSpec spec;

  /** The folder this run writes into, once the arguments are resolved. */
  private String resolvedTarget;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "The report folder of an earlier 'probehunt run' (required).")
  String reports;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where domains.csv and notices/ go (default: the --reports folder).")
  String out;

  @Option(
      names = "--overwrite",
      description =
          "Let an --out folder other than --reports that holds an earlier run's reports have its"
              + " notices/ and domains.csv replaced; other files are never removed.")
  boolean overwrite;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      description = "From and Reply-To of the draft notices.")
  String from;

  /** The old spelling of --from ADDRESS, for scripts written before --reports. */
  @Option(names = "--sender", paramLabel = "ADDRESS", hidden = true)
  String sender;

  @Option(names = "--no-bom", description = "Write domains.csv without the UTF-8 byte-order mark.")
  boolean noBom;

  @Option(
      names = "--record",
      description =
          "Add the hosts drafted to the --ledger, as a run does (do it for drafts you will send).")
  boolean record;

  @Mixin NoticeOptions notices;
  @Mixin LedgerOptions ledger;
  @Mixin ConsoleOptions consoleOptions;

  @Override
  @SuppressWarnings("try") // The RunLock is held for its try block and never read.
  public Integer call() throws Exception {
    NotifyArguments args =
        NotifyArguments.resolve(
            reports, from, sender, HadoopSettings.driver(), spec.commandLine().getErr());
    if (record && ledger.ledger == null) {
      throw new UsageException("--record needs --ledger PATH");
    }
    NoticePlan plan = notices.plan(args.sender()).withLedger(ledger.plan(record));
    Path folder = new Path(args.reports());
    FileSystem fs = folder.getFileSystem(HadoopSettings.driver());
    List<Object[]> hosts = hosts(fs, new Path(folder, "hosts.csv"));
    Path requests = new Path(folder, "requests.csv");
    if (!(fs.exists(requests) && fs.getFileStatus(requests).isFile())) {
      throw new UsageException("--reports: no requests.csv in " + folder);
    }
    String target = out == null ? args.reports() : out;
    resolvedTarget = target;
    PrintWriter console = consoleOptions.console(spec);
    long drafts;
    // The same rule as run's: one command at a time writes into a folder.
    try (RunLock lock = RunLock.take(HadoopSettings.driver(), target, "notify", console)) {
      OutputFolders.checkNotices(HadoopSettings.driver(), args.reports(), target, overwrite);
      try {
        drafts =
            Sessions.within(
                spark ->
                    Renotify.run(spark, hosts, requests.toString(), target, !noBom, plan, console));
      } catch (Exception | Error e) {
        try {
          OutputDir.afterFailure(HadoopSettings.driver(), target, false);
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    }
    console.printf(
        "notify: %d hosts, %d drafts in %s%n", hosts.size(), drafts, new Path(target, "notices"));
    console.flush();
    return ExitCodes.DONE;
  }

  /** The kept rows of hosts.csv as host, probes, rules, categories. */
  private static List<Object[]> hosts(FileSystem fs, Path file) throws IOException {
    List<Object[]> hosts = new ArrayList<>();
    int row = 1;
    for (Map<String, String> r :
        read(
            fs,
            file,
            List.of(
                "host", "first_seen", "last_seen", "probes", "requests", "rules", "categories"))) {
      row++;
      if (r.get("host").isBlank()) {
        continue;
      }
      for (String column : List.of("first_seen", "last_seen")) {
        try {
          OffsetDateTime.parse(r.get(column));
        } catch (DateTimeParseException e) {
          // A spreadsheet that saved the file again may have rewritten the times.
          throw new UsageException(
              file
                  + ":"
                  + row
                  + ": "
                  + column
                  + " '"
                  + r.get(column)
                  + "' is not a time as probehunt writes it (1998-11-23T19:52:17+09:00)");
        }
      }
      try {
        hosts.add(
            new Object[] {
              r.get("host"), Long.parseLong(r.get("probes")), r.get("rules"), r.get("categories")
            });
        Long.parseLong(r.get("requests"));
      } catch (NumberFormatException e) {
        throw new UsageException(file + ":" + row + ": probes and requests must be whole numbers");
      }
    }
    return hosts;
  }

  private static List<Map<String, String>> read(FileSystem fs, Path file, List<String> columns)
      throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    forEach(fs, file, columns, rows::add);
    return rows;
  }

  private static void forEach(
      FileSystem fs, Path file, List<String> columns, Consumer<Map<String, String>> each)
      throws IOException {
    if (!(fs.exists(file) && fs.getFileStatus(file).isFile())) {
      throw new UsageException("--reports: no " + file.getName() + " in " + file.getParent());
    }
    try (InputStream in = fs.open(file)) {
      CsvInput.forEach(in, file.toString(), columns, each);
    } catch (IOException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public String reportFolder() {
    return resolvedTarget != null ? resolvedTarget : out != null ? out : reports;
  }
}
