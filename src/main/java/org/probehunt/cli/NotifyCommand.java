package org.probehunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.job.NoticePlan;
import org.probehunt.contact.ContactGroups;
import org.probehunt.notify.DraftFiles;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.ReverseDns;
import org.probehunt.report.Columns;
import org.probehunt.report.CsvInput;
import org.probehunt.report.CsvReport;
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
public final class NotifyCommand implements Callable<Integer>, Verbosity {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      required = true,
      description = "The report folder of an earlier 'probehunt run'.")
  String reports;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where domains.csv and notices/ go (default: the --from folder).")
  String out;

  @Option(
      names = "--sender",
      paramLabel = "ADDRESS",
      description = "From and Reply-To of the draft notices.")
  String sender;

  @Option(names = "--no-bom", description = "Write domains.csv without the UTF-8 byte-order mark.")
  boolean noBom;

  @Mixin NoticeOptions notices;
  @Mixin ConsoleOptions consoleOptions;

  @Override
  public Integer call() throws Exception {
    NoticePlan plan = notices.plan(sender);
    Configuration conf = new Configuration();
    Path from = new Path(reports);
    FileSystem fs = from.getFileSystem(conf);
    // The reports were edited by hand since the run: checksums beside them no longer apply.
    fs.setVerifyChecksum(false);
    List<HostFinding> hosts = hosts(fs, new Path(from, "hosts.csv"));
    Map<String, List<String>> evidence = evidence(fs, new Path(from, "requests.csv"), hosts);

    ContactGroups contacts;
    try (ReverseDns dns = plan.resolve() ? new ReverseDns(Duration.ofSeconds(2), 8) : null) {
      contacts = ContactGroups.assign(hosts, plan.contacts(), plan.rir(), dns);
    }
    Path target = out == null ? from : new Path(out);
    FileSystem outFs = target.getFileSystem(conf);
    outFs.setWriteChecksum(false);
    outFs.delete(new Path(target, "notices"), true);
    try (OutputStream file = outFs.create(new Path(target, "domains.csv"), true);
        CsvReport domains = CsvReport.open(file, Columns.DOMAINS, !noBom)) {
      for (ContactGroups.Group g : contacts.groups()) {
        domains.row(DraftFiles.domainsRow(g));
      }
    }
    long drafts = 0;
    for (ContactGroups.Group g : contacts.drafted(plan.country())) {
      List<String> lines = new ArrayList<>();
      g.hosts().forEach(h -> lines.addAll(evidence.getOrDefault(h.host(), List.of())));
      drafts +=
          DraftFiles.write(
              g, lines, plan.notices(), name -> outFs.create(new Path(target, name), false));
    }
    PrintWriter console = consoleOptions.console(spec);
    console.printf(
        "notify: %d hosts, %d contacts, %d drafts in %s%n",
        hosts.size(), contacts.groups().size(), drafts, new Path(target, "notices"));
    console.flush();
    return ExitCodes.DONE;
  }

  private static List<HostFinding> hosts(FileSystem fs, Path file) throws IOException {
    List<HostFinding> hosts = new ArrayList<>();
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
            new HostFinding(
                r.get("host"),
                r.get("first_seen"),
                r.get("last_seen"),
                Long.parseLong(r.get("probes")),
                Long.parseLong(r.get("requests")),
                split(r.get("rules")),
                split(r.get("categories"))));
      } catch (NumberFormatException e) {
        throw new UsageException(file + ":" + row + ": probes and requests must be whole numbers");
      }
    }
    return hosts;
  }

  private static Map<String, List<String>> evidence(
      FileSystem fs, Path file, List<HostFinding> hosts) throws IOException {
    Map<String, List<String>> lines = new HashMap<>();
    hosts.forEach(h -> lines.put(h.host(), new ArrayList<>()));
    // Streamed: only the kept hosts' lines are held, however large requests.csv is.
    forEach(
        fs,
        file,
        List.of("host", "line"),
        r -> {
          List<String> of = lines.get(r.get("host"));
          if (of != null) {
            of.add(r.get("line"));
          }
        });
    return lines;
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
      throw new UsageException("--from: no " + file.getName() + " in " + file.getParent());
    }
    try (InputStream in = fs.open(file)) {
      CsvInput.forEach(in, file.toString(), columns, each);
    } catch (IOException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static List<String> split(String cell) {
    return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split(";"));
  }

  @Override
  public boolean verbose() {
    return consoleOptions.verbose;
  }
}
