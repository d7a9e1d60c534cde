package org.probehunt.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.slice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.probehunt.detect.Campaigns;
import org.probehunt.detect.Campaigns.Campaign;
import org.probehunt.notify.AbuseIpdb;
import org.probehunt.notify.AbuseRow;
import org.probehunt.contact.ContactGroups;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.ReverseDns;
import org.probehunt.report.Columns;
import org.probehunt.report.Summary;

/** Writes every report of a run into the report folder. */
final class Reports {
  private final OutputDir out;
  private final ReportFiles files;
  private final JobSettings settings;
  private final PrintWriter console;

  Reports(OutputDir out, ReportFiles files, JobSettings settings, PrintWriter console) {
    this.out = out;
    this.files = files;
    this.settings = settings;
    this.console = console;
  }

  JobResult write(
      Inputs inputs, List<Findings.Found> found, Dataset<Row> requests, Dataset<Row> rejects)
      throws IOException {
    files.write("inputs.csv", Columns.INPUTS, inputs.rows());
    files.write("rejects.csv", Columns.REJECTS, rejects, inputs.rejected(), "source", "line_no");
    long requestRows =
        files.write(
            "requests.csv",
            Columns.REQUESTS,
            requests,
            found.stream().mapToLong(f -> f.finding().requests()).sum(),
            "host",
            "epoch",
            "source",
            "line_no");

    List<Campaign> campaigns = campaigns(found);
    Map<String, String> campaignOf = new HashMap<>();
    for (Campaign c : campaigns) {
      c.hosts().forEach(h -> campaignOf.put(h, c.id()));
    }
    ContactGroups contacts = contacts(found, settings.notices());
    files.write(
        "hosts.csv",
        Columns.HOSTS,
        found.stream().map(f -> hostRow(f.finding(), campaignOf, contacts)).iterator());
    files.write(
        "campaigns.csv",
        Columns.CAMPAIGNS,
        campaigns.stream()
            .map(
                c ->
                    new Object[] {
                      c.id(),
                      String.join(";", c.rules()),
                      (long) c.hosts().size(),
                      c.firstSeen(),
                      c.lastSeen(),
                      String.join(";", c.hosts())
                    })
            .iterator());
    long drafts = NoticeFiles.write(out, files, contacts, requests, settings.notices());
    abuseReports(found, requests);

    Summary summary =
        new Summary()
            .put("inputs", inputs.read())
            .put("skipped_inputs", (long) inputs.tallies().size() - inputs.read())
            .put("damaged_inputs", inputs.damaged().size())
            .put("lines", inputs.lines())
            .put("parsed", inputs.parsed())
            .put("rejected", inputs.rejected())
            .put("flagged_hosts", found.size())
            .put("probes", found.stream().mapToLong(f -> f.finding().probes()).sum())
            .put("requests", requestRows)
            .put("campaigns", campaigns.size())
            .put("contacts", contacts.groups().size())
            .put("notices", drafts);
    try (OutputStream json = out.create("summary.json")) {
      json.write(summary.toJson());
    }
    console.printf(
        "done: %d lines read, %d hosts flagged, %d of their requests, %d notice drafts; reports in"
            + " %s%n",
        inputs.lines(), found.size(), requestRows, drafts, out.location());
    console.flush();
    return new JobResult(summary, !inputs.damaged().isEmpty(), out.location());
  }

  /** abuseipdb.csv (and -2, -3, ... past 10,000 rows) for the flagged hosts that are addresses. */
  private void abuseReports(List<Findings.Found> found, Dataset<Row> requests) throws IOException {
    Map<String, List<String>> samples = new HashMap<>();
    for (Row r :
        requests
            .filter(col("probe"))
            .groupBy("host")
            .agg(slice(array_sort(collect_set(col("path"))), 1, 3))
            .collectAsList()) {
      samples.put(r.getString(0), r.getList(1));
    }
    List<AbuseRow> rows = new ArrayList<>();
    for (Findings.Found f : found) {
      AbuseIpdb.row(f.finding(), samples.getOrDefault(f.finding().host(), List.of()))
          .ifPresent(rows::add);
    }
    AbuseIpdb.write(rows, out::create);
  }

  private static ContactGroups contacts(List<Findings.Found> found, NoticePlan plan) {
    List<HostFinding> hosts = found.stream().map(Findings.Found::finding).toList();
    // Reverse lookups only when asked: batch runs are usually offline.
    try (ReverseDns dns = plan.resolve() ? new ReverseDns(Duration.ofSeconds(2), 8) : null) {
      return ContactGroups.assign(hosts, plan.contacts(), plan.rir(), dns);
    }
  }

  private static Object[] hostRow(
      HostFinding f, Map<String, String> campaignOf, ContactGroups contacts) {
    ContactGroups.Assigned a = contacts.of(f.host());
    return new Object[] {
      f.host(),
      a.domain(),
      f.firstSeen(),
      f.lastSeen(),
      f.probes(),
      f.requests(),
      String.join(";", f.rules()),
      String.join(";", f.categories()),
      campaignOf.get(f.host()),
      a.contact().key(),
      a.contact().country(),
      a.contact().registry()
    };
  }

  private static List<Campaign> campaigns(List<Findings.Found> found) {
    List<Campaigns.Member> members = new ArrayList<>(found.size());
    for (Findings.Found f : found) {
      HostFinding h = f.finding();
      members.add(
          new Campaigns.Member(
              h.host(), h.rules(), f.firstEpoch(), h.firstSeen(), f.lastEpoch(), h.lastSeen()));
    }
    return Campaigns.group(members);
  }
}
