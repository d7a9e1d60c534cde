package org.probehunt.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.probehunt.contact.Contact;
import org.probehunt.contact.ContactGroup;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Reported;
import org.probehunt.notify.Evidence;
import org.probehunt.notify.NoticeFiles;
import org.probehunt.notify.NoticeSettings;

/**
 * One drafting task: its share of the evidence, sorted by contact, host and time, arrives one
 * contact after another; each contact's drafts are written as soon as its lines are in, and the
 * task returns one notices/index.csv row per contact. It holds one contact's hosts at a time, and
 * its lines in an Evidence spool, which goes to a temporary file when they are many.
 */
final class NoticeTask {
  /** The columns the task reads, in this order. */
  static final String[] COLUMNS = {
    "contact",
    "host",
    "line",
    "first_seen",
    "last_seen",
    "probes",
    "requests",
    "rules",
    "categories",
    "network",
    "holder",
    "contact_to",
    "contact_name",
    "lookup_hint",
    "country",
    "registry",
    "reported_on",
    "reported_first_seen",
    "reported_last_seen"
  };

  private final NoticeSettings settings;
  private final NoticeFiles.Folder folder;
  private final List<Row> index = new ArrayList<>();
  private Row lead;
  private final List<HostFinding> hosts = new ArrayList<>();
  private Evidence evidence = new Evidence();

  private NoticeTask(NoticeSettings settings, NoticeFiles.Folder folder) {
    this.settings = settings;
    this.folder = folder;
  }

  /** Drafts every contact of {@code rows}; returns the index rows. */
  static Iterator<Row> run(Iterator<Row> rows, NoticeSettings settings, NoticeFiles.Folder folder)
      throws IOException {
    NoticeTask task = new NoticeTask(settings, folder);
    try {
      while (rows.hasNext()) {
        task.add(rows.next());
      }
      task.flush();
    } finally {
      task.evidence.close();
    }
    return task.index.iterator();
  }

  private void add(Row row) throws IOException {
    if (lead != null && !lead.getString(0).equals(row.getString(0))) {
      flush();
    }
    if (lead == null) {
      lead = row;
    }
    if (hosts.isEmpty() || !hosts.get(hosts.size() - 1).host().equals(row.getString(1))) {
      hosts.add(finding(row));
    }
    evidence.add(row.getString(2));
  }

  private void flush() throws IOException {
    if (lead == null) {
      return;
    }
    Contact contact =
        new Contact(
            lead.getString(0),
            Rows.parts(lead.getString(11)),
            lead.getString(12),
            lead.getString(13),
            lead.getString(14),
            lead.getString(15));
    ContactGroup group = new ContactGroup(contact, hosts);
    NoticeFiles.write(group, evidence, settings, folder);
    index.add(
        RowFactory.create(
            contact.key(),
            String.join(";", contact.to()),
            (long) hosts.size(),
            group.probes(),
            group.requests(),
            contact.key() + ".en.eml",
            contact.key() + ".ja.eml"));
    lead = null;
    hosts.clear();
    evidence.close();
    evidence = new Evidence();
  }

  private static HostFinding finding(Row r) {
    return new HostFinding(
        r.getString(1),
        r.getString(3),
        r.getString(4),
        r.getLong(5),
        r.getLong(6),
        Rows.parts(r.getString(7)),
        Rows.parts(r.getString(8)),
        r.getString(9),
        r.getString(10),
        r.isNullAt(16) ? null : new Reported(r.getString(16), r.getString(17), r.getString(18)));
  }
}
