package org.probehunt.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.probehunt.detect.RuleDigest;
import org.probehunt.notify.AbuseIpdb;
import org.probehunt.report.Columns;
import org.probehunt.report.Glance;
import org.probehunt.report.HtmlLabels;
import org.probehunt.report.HtmlReport;
import org.probehunt.report.ProbehuntVersion;
import org.probehunt.report.Summary;

/**
 * Writes every report of a run into the report folder. Two passes over the flagged hosts' requests
 * build them in the tasks: the host pass (requests.csv, hosts.csv, abuseipdb.csv, the host table)
 * and the contact pass (domains.csv, the drafts); the driver joins the tasks' pieces in order and
 * writes the few small reports that sum them up.
 */
final class ReportStage {
  private final OutputDir out;
  private final ReportFiles files;
  private final JobSettings settings;
  private final PrintWriter console;
  private final Tuning tuning;
  private HostPass.Pieces pieces;

  ReportStage(
      OutputDir out, ReportFiles files, JobSettings settings, PrintWriter console, Tuning tuning) {
    this.out = out;
    this.files = files;
    this.settings = settings;
    this.console = console;
    this.tuning = tuning;
  }

  /**
   * inputs.csv and rejects.csv: the reports of the first pass alone, written first so that its
   * cached output can be let go before the others.
   */
  void writeInputs(Inputs inputs, JavaRDD<Row> rejects) throws IOException {
    files.write("inputs.csv", Columns.INPUTS, inputs.rows());
    if (inputs.rejected() == 0) {
      // Every rejected line is counted: with none, the header alone needs no Spark job.
      files.write("rejects.csv", Columns.REJECTS, Collections.emptyIterator());
    } else {
      files.write(
          "rejects.csv",
          Columns.REJECTS,
          rejects,
          Rows.REJECTS,
          inputs.rejected(),
          Comparator.comparing((Row r) -> r.getString(0), Utf8Order.NULLS_FIRST)
              .thenComparingLong(r -> r.getLong(1)),
          "source",
          "line_no");
    }
  }

  /**
   * Runs the host pass over {@code sorted} ({@link HostPass#sorted}): one job, which writes the
   * pieces of requests.csv, hosts.csv and abuseipdb.csv and gives the host table and its totals.
   */
  HostPass.Result hostPass(JavaPairRDD<SortKey, Cells> sorted, Broadcast<HostTable.Sources> sources)
      throws IOException {
    pieces =
        new HostPass.Pieces(
            files.pieces("requests.csv"),
            files.pieces("hosts.csv"),
            files.pieces(AbuseIpdb.fileName(1)));
    try {
      return new HostPass(
              sources, settings.notices().notifyResearch(), pieces, tuning.keptEvidenceChars())
          .run(sorted);
    } catch (Throwable e) { // SparkException too, which Scala throws unchecked
      discardPieces(e);
      throw e;
    }
  }

  /** After a failure: the pieces of the host pass's reports go, once its tasks have stopped. */
  private void discardPieces(Throwable e) {
    SparkSession spark = SparkSession.active();
    files.discard(pieces.requests(), spark, e);
    files.discard(pieces.hosts(), spark, e);
    files.discard(pieces.abuse(), spark, e);
  }

  /**
   * Every other report, from the host pass's result over {@code sorted}; {@link #writeInputs} came
   * first.
   */
  JobResult write(Inputs inputs, JavaPairRDD<SortKey, Cells> sorted, HostPass.Result pass)
      throws IOException {
    try {
      return writeReports(inputs, sorted, pass);
    } catch (Throwable e) { // SparkException too, which Scala throws unchecked
      discardPieces(e);
      throw e;
    }
  }

  /** The reports the host pass wrote the pieces of, then the others ({@link #writeAll}). */
  private JobResult writeReports(
      Inputs inputs, JavaPairRDD<SortKey, Cells> sorted, HostPass.Result pass) throws IOException {
    HostTotals totals = pass.totals();
    long requestRows =
        files.join(pieces.requests(), Columns.REQUESTS, pass.requestRows(), totals.requests());
    files.join(pieces.hosts(), Columns.HOSTS, pass.hostRows(), totals.hosts());
    writeAbuse(pass.parts().size());
    int partitions = sorted.getNumPartitions();
    JavaRDD<CampaignTable.Campaign> campaignTable =
        CampaignTable.of(pass.hosts(), partitions).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return writeAll(inputs, sorted, pass, totals, requestRows, campaignTable);
    } finally {
      campaignTable.unpersist();
    }
  }

  private JobResult writeAll(
      Inputs inputs,
      JavaPairRDD<SortKey, Cells> sorted,
      HostPass.Result pass,
      HostTotals totals,
      long requestRows,
      JavaRDD<CampaignTable.Campaign> campaignTable)
      throws IOException {
    SparkSession spark = SparkSession.active();
    long flagged = totals.hosts();
    long probes = totals.probes();
    long campaigns =
        files.write(
            "campaigns.csv",
            Columns.CAMPAIGNS,
            campaignTable.map(CampaignTable.Campaign::row),
            CampaignTable.SCHEMA,
            flagged,
            Comparator.comparing((Row r) -> r.getString(1), Utf8Order.NULLS_FIRST),
            "rules");
    NoticeStage.Result notices =
        NoticeStage.write(
            out,
            files,
            pass.evidence(sorted, settings.notices().notifyResearch()),
            pass.contacts(),
            settings.notices(),
            tuning.draftTasks());
    if (settings.parquet()) {
      ParquetTables.write(
          out,
          spark.createDataFrame(pass.hosts(), HostTable.SCHEMA),
          spark.createDataFrame(
              sorted.filter(r -> r._1().kind() == SortKey.REQUEST).values().map(Cells::row),
              Rows.REQUESTS));
    }
    ProbeRanks ranks = ProbeRanks.of(pass.counts(), sorted.getNumPartitions());
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
            .put("contacts", notices.contacts())
            .put("notices", notices.drafts())
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
        GlanceTables.of(
            pass.hosts(),
            campaignTable,
            ranks,
            totals,
            summary,
            settings.notices().notices().serverName());
    try (OutputStream html = out.create("report.html")) {
      html.write(HtmlReport.render(glance, HtmlLabels.of(settings.reportLanguage())));
    }
    LedgerFile.publish(
        out,
        files.hadoop().value(),
        settings.notices().ledger(),
        totals.known(),
        notices.ledger(),
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
        notices.drafts(),
        out.folder());
    console.flush();
    return new JobResult(summary, !inputs.damaged().isEmpty(), out.folder());
  }

  /**
   * abuseipdb.csv (and -2, -3, ...) for the flagged hosts that are public addresses: the host
   * pass's tasks built and encoded the rows; the driver only cuts the lines into files.
   */
  private void writeAbuse(int tasks) throws IOException {
    try {
      AbuseIpdb.writeLines(files.records(pieces.abuse(), tasks), out::create);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.delete(pieces.abuse());
  }
}
