package org.probehunt.job;

import com.google.common.io.Closer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.probehunt.contact.Contact;
import org.probehunt.contact.ContactGroup;
import org.probehunt.contact.HostFinding;
import org.probehunt.notify.Evidence;
import org.probehunt.notify.NoticeFiles;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.report.Columns;
import org.probehunt.report.CsvWriter;
import scala.Tuple2;

/**
 * One task of the contact pass: a range of contacts arrives sorted ({@link SortKey}), each
 * contact's hosts in order, each host's row of the host table before its evidence lines (a few to a
 * record). Each contact's row of domains.csv, and for a contact of the chosen country its drafts
 * and its notices/index.csv row, are written as soon as its lines are in. The task holds one
 * contact's hosts at a time, and their lines in an Evidence spool, which goes to a temporary file
 * when they are many.
 */
final class NoticeTask implements Closeable {
  /** What the task gives back: its row counts, and the ledger's rows of the hosts it drafted. */
  record Part(int index, long contacts, long drafted, List<Row> ledger) implements Serializable {}

  private final NoticeSettings settings;
  private final NoticeFiles.Folder folder;
  private final String country;
  private final boolean ledger;
  private final CsvWriter domains;
  private final CsvWriter notices;
  private final List<Row> ledgerRows = new ArrayList<>();
  private final List<Row> hosts = new ArrayList<>();
  private final List<HostFinding> findings = new ArrayList<>();
  private String contact;
  private boolean chosen;
  private Evidence evidence = new Evidence();

  private NoticeTask(
      NoticeSettings settings,
      NoticeFiles.Folder folder,
      String country,
      boolean ledger,
      OutputStream domains,
      OutputStream notices) {
    this.settings = settings;
    this.folder = folder;
    this.country = country;
    this.ledger = ledger;
    this.domains = CsvWriter.continuation(domains, Columns.DOMAINS.size());
    this.notices = CsvWriter.continuation(notices, Columns.NOTICE_INDEX.size());
  }

  /**
   * Task {@code index}'s work: writes its pieces of {@code domains} and {@code notices}
   * (notices/index.csv), and the drafts of the contacts of {@code country} (all when null) into
   * {@code folder}; gives back its part, with the ledger's rows when {@code ledger} asks for them.
   */
  static Iterator<Part> run(
      int index,
      Iterator<Tuple2<SortKey, Cells>> records,
      NoticeSettings settings,
      NoticeFiles.Folder folder,
      String country,
      boolean ledger,
      ReportFiles.Pieces domains,
      ReportFiles.Pieces notices)
      throws IOException {
    try (NoticeTask task =
        new NoticeTask(
            settings, folder, country, ledger, domains.create(index), notices.create(index))) {
      while (records.hasNext()) {
        Tuple2<SortKey, Cells> record = records.next();
        task.add(record._1(), record._2().row());
      }
      task.flush();
      return List.of(new Part(index, task.domains.rows(), task.notices.rows(), task.ledgerRows))
          .iterator();
    }
  }

  private void add(SortKey key, Row row) throws IOException {
    if (!key.group().equals(contact)) {
      flush();
      contact = key.group();
    }
    if (key.kind() == SortKey.HEAD) {
      if (hosts.isEmpty()) {
        // The contact's own fields, as its first host (by name) has them.
        String of = row.getString(HostTable.CONTACT_COUNTRY);
        chosen =
            country == null
                || (of != null
                    && of.toUpperCase(Locale.ROOT).equals(country.toUpperCase(Locale.ROOT)));
      }
      hosts.add(row);
      if (chosen) {
        findings.add(HostTable.finding(row));
      }
    } else if (chosen) {
      for (int i = 0; i < row.size(); i++) {
        evidence.add(row.getString(i)); // a record holds a few of a host's lines
      }
    }
  }

  private void flush() throws IOException {
    if (hosts.isEmpty()) {
      return;
    }
    Row lead = hosts.get(0);
    domains.row(domainRow(lead));
    if (chosen) {
      Contact c =
          new Contact(
              contact,
              Rows.parts(lead.getString(HostTable.CONTACT_TO)),
              lead.getString(HostTable.CONTACT_NAME),
              lead.getString(HostTable.LOOKUP_HINT),
              lead.getString(HostTable.COUNTRY),
              lead.getString(HostTable.REGISTRY));
      ContactGroup group = new ContactGroup(c, findings);
      NoticeFiles.write(group, evidence, settings, folder);
      notices.row(
          c.key(),
          String.join(";", c.to()),
          (long) findings.size(),
          group.probes(),
          group.requests(),
          c.key() + ".en.eml",
          c.key() + ".ja.eml");
      if (ledger) {
        for (Row h : hosts) {
          ledgerRows.add(
              RowFactory.create(
                  h.getString(HostTable.HOST),
                  contact,
                  h.getString(HostTable.FIRST_SEEN),
                  h.getString(HostTable.LAST_SEEN),
                  h.getLong(HostTable.PROBES),
                  h.getString(HostTable.RULES),
                  h.getString(HostTable.CAMPAIGN),
                  h.getString(HostTable.STATUS)));
        }
      }
    }
    hosts.clear();
    findings.clear();
    evidence.close();
    evidence = new Evidence();
  }

  /** domains.csv's row of the contact, from its hosts. */
  private Object[] domainRow(Row lead) {
    HostTotals.Part totals = new HostTotals.Part();
    hosts.forEach(totals::add);
    return new Object[] {
      contact,
      lead.getString(HostTable.CONTACT_TO),
      totals.hosts(),
      totals.probes(),
      totals.requests(),
      totals.firstSeen(),
      totals.lastSeen(),
      lead.getString(HostTable.CONTACT_COUNTRY),
      lead.getString(HostTable.CHECK_URL),
      joinedSet(HostTable.CONTACT_SOURCE),
      joinedSet(HostTable.NETWORK),
      joinedSet(HostTable.HOLDER),
      joinedSet(HostTable.REGISTRY)
    };
  }

  /** The distinct non-null values of a column over the contact's hosts, sorted, joined by ';'. */
  private String joinedSet(int column) {
    TreeSet<String> values = new TreeSet<>(Utf8Order.STRINGS);
    for (Row h : hosts) {
      if (!h.isNullAt(column)) {
        values.add(h.getString(column));
      }
    }
    return String.join(";", values);
  }

  @Override
  public void close() throws IOException {
    Closer closer = Closer.create();
    closer.register(evidence);
    closer.register(domains);
    closer.register(notices);
    closer.close(); // each closed, even if another fails
  }
}
