package org.probehunt.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;

import com.google.common.collect.Iterators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.probehunt.contact.HostFinding;
import org.probehunt.detect.RuleDigest;
import org.probehunt.notify.AbuseIpdb;
import org.probehunt.notify.AbuseRow;
import org.probehunt.report.Columns;
import org.probehunt.report.Glance;
import org.probehunt.report.HtmlLabels;
import org.probehunt.report.HtmlReport;
import org.probehunt.report.ProbehuntVersion;
import org.probehunt.report.Summary;

/**
 * Writes every report of a run into the report folder. The tables are built by Spark from the host
 * table; the driver only streams sorted rows into the named files.
 */
final class ReportStage {
  private final OutputDir out;
  private final ReportFiles files;
  private final JobSettings settings;
  private final PrintWriter console;
  private final int draftTasks;

  ReportStage(
      OutputDir out, ReportFiles files, JobSettings settings, PrintWriter console, int draftTasks) {
    this.out = out;
    this.files = files;
    this.settings = settings;
    this.console = console;
    this.draftTasks = draftTasks;
  }

  /**
   * inputs.csv and rejects.csv: the reports of the first pass alone, written first so that its
   * cached output can be let go before the others.
   */
  void writeInputs(Inputs inputs, Dataset<Row> rejects) throws IOException {
    files.write("inputs.csv", Columns.INPUTS, inputs.rows());
    if (inputs.rejected() == 0) {
      // Every rejected line is counted: with none, the header alone needs no Spark job.
      files.write("rejects.csv", Columns.REJECTS, Collections.emptyIterator());
    } else {
      files.write("rejects.csv", Columns.REJECTS, rejects, inputs.rejected(), "source", "line_no");
    }
  }

  /** Every other report, from the host and request tables; {@link #writeInputs} came first. */
  JobResult write(Inputs inputs, HostTotals totals, Dataset<Row> hosts, Dataset<Row> requests)
      throws IOException {
    long flagged = totals.hosts();
    long probes = totals.probes();
    long requestRows =
        files.write(
            "requests.csv",
            Columns.REQUESTS,
            requests,
            totals.requests(),
            "host",
            "epoch",
            "source",
            "line_no");
    files.write("hosts.csv", Columns.HOSTS, hosts, flagged, "host");
    long campaigns =
        files.write("campaigns.csv", Columns.CAMPAIGNS, campaigns(hosts), flagged, "rules");
    // Research scanners stay in hosts.csv and campaigns.csv but, unless asked, hear nothing.
    Dataset<Row> drafted = NoticeStage.drafted(hosts, settings.notices());
    Dataset<Row> contacts = NoticeStage.contacts(drafted).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long contactRows = files.write("domains.csv", Columns.DOMAINS, contacts, flagged, "contact");
      long drafts =
          NoticeStage.writeNotices(
              out, files, drafted, contacts, requests, settings.notices(), draftTasks);
      abuseReports(drafted, requests);
      if (settings.parquet()) {
        ParquetTables.write(out, hosts, requests);
      }
      ProbeRanks ranks = ProbeRanks.of(requests);
      Summary summary =
          new Summary()
              .put("inputs", inputs.read())
              .put("skipped_inputs", (long) inputs.tallies().size() - inputs.read())
              .put("damaged_inputs", inputs.damaged().size())
              .put("lines", inputs.lines())
              .put("parsed", inputs.parsed())
              .put("rejected", inputs.rejected())
              .put("flagged_hosts", flagged)
              .put("probes", probes)
              .put("requests", requestRows)
              .put("campaigns", campaigns)
              .put("contacts", contactRows)
              .put("notices", drafts)
              .put("version", ProbehuntVersion.current())
              .put(
                  "rules_digest",
                  RuleDigest.of(
                      settings.pass().rules(), settings.pass().allow(), settings.pass().proxies()))
              .put("probes_by_rule", ranks.probesByRule())
              .put("research_hosts", totals.research())
              .put("again_hosts", totals.again())
              .put("known_hosts", totals.known())
              .put("other", inputs.other());
      try (OutputStream json = out.create("summary.json")) {
        json.write(summary.toJson());
      }
      Glance glance =
          GlanceTables.of(hosts, ranks, totals, summary, settings.notices().notices().serverName());
      try (OutputStream html = out.create("report.html")) {
        html.write(HtmlReport.render(glance, HtmlLabels.of(settings.reportLanguage())));
      }
      LedgerFile.publish(
          out,
          files.hadoop().value(),
          settings.notices().ledger(),
          hosts,
          NoticeStage.chosen(drafted, contacts, settings.notices().country()),
          settings.byteOrderMark(),
          console);
      // Skipped inputs include what only the scan meets: archive members, nested archives.
      console.printf(
          "done: %d lines read, %d inputs skipped, %d hosts flagged, %d of their requests, %d"
              + " notice drafts; reports in %s%n",
          inputs.lines(),
          inputs.tallies().size() - inputs.read(),
          flagged,
          requestRows,
          drafts,
          out.folder());
      console.flush();
      return new JobResult(summary, !inputs.damaged().isEmpty(), out.folder());
    } finally {
      contacts.unpersist();
    }
  }

  /** campaigns.csv: the hosts that share one rule set. */
  private static Dataset<Row> campaigns(Dataset<Row> hosts) {
    return hosts
        .groupBy("campaign", "rules")
        .agg(
            count(lit(1)).as("hosts"),
            min(struct(col("first_epoch"), col("first_seen"))).as("first"),
            max(struct(col("last_epoch"), col("last_seen"))).as("last"),
            concat_ws(";", array_sort(collect_list(col("host")))).as("host_list"))
        .select(
            col("campaign"),
            col("rules"),
            col("hosts"),
            col("first.first_seen").as("first_seen"),
            col("last.last_seen").as("last_seen"),
            col("host_list"));
  }

  /**
   * abuseipdb.csv (and -2, -3, ...) for the flagged hosts that are public addresses: the task that
   * sorts the rows also builds and encodes them; the driver only cuts the lines into files.
   */
  private void abuseReports(Dataset<Row> hosts, Dataset<Row> requests) throws IOException {
    Dataset<Row> samples =
        requests
            .filter(col("probe"))
            .groupBy("host")
            .agg(slice(array_sort(collect_set(col("path"))), 1, 3).as("paths"));
    Iterator<byte[]> lines =
        ReportFiles.sortedInOnePartition(
                hosts
                    .filter(col("contact_source").notEqual("special-use"))
                    .join(samples, "host")
                    .select(
                        "host",
                        "first_seen",
                        "last_seen",
                        "probes",
                        "requests",
                        "rules",
                        "categories",
                        "paths"),
                "host")
            .javaRDD()
            .mapPartitions(ReportStage::abuseLines)
            .toLocalIterator();
    AbuseIpdb.writeLines(lines, out::create);
  }

  /**
   * The encoded abuseipdb.csv lines of the rows that are public addresses, in order: made one at a
   * time as the task's result is written, with no list of them all.
   */
  private static Iterator<byte[]> abuseLines(Iterator<Row> rows) {
    Iterator<AbuseRow> reportable =
        Iterators.filter(
            Iterators.transform(rows, r -> AbuseIpdb.row(finding(r), r.getList(7)).orElse(null)),
            Objects::nonNull);
    return Iterators.transform(reportable, ReportStage::line);
  }

  private static HostFinding finding(Row r) {
    return new HostFinding(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getLong(3),
        r.getLong(4),
        Rows.parts(r.getString(5)),
        Rows.parts(r.getString(6)));
  }

  private static byte[] line(AbuseRow row) {
    try {
      return AbuseIpdb.line(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // written to memory: not expected
    }
  }
}
