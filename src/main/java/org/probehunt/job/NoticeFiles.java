package org.probehunt.job;

import static org.apache.spark.sql.functions.broadcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.probehunt.contact.ContactGroups;
import org.probehunt.notify.DraftFiles;
import org.probehunt.contact.HostFinding;
import org.probehunt.report.Columns;

/** domains.csv and the draft notices: one English and one Japanese draft per contact. */
final class NoticeFiles {
  private static final StructType CONTACT_OF =
      new StructType()
          .add("host", DataTypes.StringType, false)
          .add("contact", DataTypes.StringType, false);

  private NoticeFiles() {}

  /** Writes domains.csv and the drafts; returns the number of drafts. */
  static long write(
      OutputDir out,
      ReportFiles files,
      ContactGroups contacts,
      Dataset<Row> requests,
      NoticePlan plan)
      throws IOException {
    files.write(
        "domains.csv",
        Columns.DOMAINS,
        contacts.groups().stream().map(DraftFiles::domainsRow).iterator());
    Map<String, ContactGroups.Group> drafted = new HashMap<>();
    List<Row> contactOf = new ArrayList<>();
    for (ContactGroups.Group g : contacts.drafted(plan.country())) {
      drafted.put(g.contact().key(), g);
      for (HostFinding h : g.hosts()) {
        contactOf.add(RowFactory.create(h.host(), g.contact().key()));
      }
    }
    if (drafted.isEmpty()) {
      return 0;
    }
    // Sorted by contact, each group's evidence arrives in one run: the driver holds one group's
    // lines, and fetches the sorted table a partition of at most about driverRows() rows at a time.
    Dataset<Row> lookup = requests.sparkSession().createDataFrame(contactOf, CONTACT_OF);
    Dataset<Row> joined = requests.join(broadcast(lookup), "host");
    String[] order = {"contact", "host", "epoch", "source", "line_no"};
    long rows = drafted.values().stream().mapToLong(ContactGroups.Group::requests).sum();
    Iterator<Row> lines =
        (rows <= files.driverRows()
                ? ReportFiles.sortedInOnePartition(joined, order)
                : joined
                    .repartitionByRange((int) (rows / files.driverRows()) + 1, ReportFiles.columns(List.of(order)))
                    .sortWithinPartitions(ReportFiles.columns(List.of(order))))
            .select("contact", "line")
            .toLocalIterator();
    long drafts = 0;
    String current = null;
    List<String> evidence = new ArrayList<>();
    while (lines.hasNext()) {
      Row row = lines.next();
      if (current != null && !current.equals(row.getString(0))) {
        drafts += DraftFiles.write(drafted.get(current), evidence, plan.notices(), out::create);
        evidence = new ArrayList<>();
      }
      current = row.getString(0);
      evidence.add(row.getString(1));
    }
    if (current != null) {
      drafts += DraftFiles.write(drafted.get(current), evidence, plan.notices(), out::create);
    }
    return drafts;
  }
}
