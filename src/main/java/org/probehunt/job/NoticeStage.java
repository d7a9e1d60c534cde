package org.probehunt.job;

import com.google.common.collect.AbstractIterator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.notify.TemplateSet;
import org.probehunt.report.Columns;
import scala.Tuple2;

/**
 * The contact pass: from the host table and the requests to domains.csv, the drafts and
 * notices/index.csv. One shuffle brings each contact's hosts, and their requests' lines, to one
 * task ({@link NoticeTask}), contacts in ranges, so that the tasks' pieces joined in order are the
 * reports in order. Its records come from the host pass ({@link HostPass.Result#evidence}), or are
 * made again from the host pass's input ({@link #evidence}).
 */
final class NoticeStage {
  private NoticeStage() {}

  /**
   * What the pass wrote: domains.csv's rows, the drafts, and the ledger's rows of the drafted hosts
   * (sorted by host; only when the plan records them).
   */
  record Result(long contacts, long drafts, List<Row> ledger) {}

  /**
   * Writes domains.csv, the drafts of the plan's contacts and notices/index.csv into {@code out} in
   * {@code tasks} tasks, from {@code evidence}, the records of the hosts to draft ({@link
   * EvidenceRecords}, from {@link HostPass.Result#evidence}); {@code sample} is a sample of the
   * contacts to draft, which cuts them into ranges.
   */
  static Result write(
      OutputDir out,
      ReportFiles files,
      JavaPairRDD<SortKey, Cells> evidence,
      Collection<String> sample,
      NoticePlan plan,
      int tasks)
      throws IOException {
    out.mkdirs("notices");
    NoticeFolder folder = new NoticeFolder(out.location(), files.hadoop());
    TreeSet<String> ordered = new TreeSet<>(Utf8Order.STRINGS);
    ordered.addAll(sample);
    GroupRanges ranges = GroupRanges.of(new ArrayList<>(ordered), tasks);
    NoticeSettings settings = plan.notices();
    String country = plan.country();
    boolean ledger = plan.ledger().given() && plan.ledger().record();
    ReportFiles.Pieces domains = files.pieces("domains.csv");
    ReportFiles.Pieces index = files.pieces("notices/index.csv");
    SparkSession spark = SparkSession.active();
    try {
      List<NoticeTask.Part> parts =
          new ArrayList<>(
              evidence
                  .repartitionAndSortWithinPartitions(ranges, SortKey.ORDER)
                  .mapPartitionsWithIndex(
                      (i, records) ->
                          NoticeTask.run(
                              i, records, settings, folder, country, ledger, domains, index),
                      true)
                  .collect());
      long[] contactRows = new long[parts.size()];
      long[] draftRows = new long[parts.size()];
      List<Row> ledgerRows = new ArrayList<>();
      for (NoticeTask.Part p : parts) {
        contactRows[p.index()] = p.contacts();
        draftRows[p.index()] = p.drafted();
        ledgerRows.addAll(p.ledger());
      }
      long contacts = files.join(domains, Columns.DOMAINS, contactRows, -1);
      long drafted = files.join(index, Columns.NOTICE_INDEX, draftRows, -1);
      // One row per drafted host: the driver may hold the list of flagged hosts.
      ledgerRows.sort((a, b) -> Utf8Order.STRINGS.compare(a.getString(0), b.getString(0)));
      return new Result(contacts, drafted * TemplateSet.LANGUAGES.size(), ledgerRows);
    } catch (Throwable e) { // SparkException too, which Scala throws unchecked
      files.discard(domains, spark, e);
      files.discard(index, spark, e);
      throw e;
    }
  }

  /**
   * The contact pass's records ({@link EvidenceRecords}) made again from {@code sorted}, the host
   * pass's input, and {@code hosts}, its host rows, partition by partition; {@code research}: the
   * research scanners are drafted too.
   */
  static JavaPairRDD<SortKey, Cells> evidence(
      JavaPairRDD<SortKey, Cells> sorted, JavaRDD<Row> hosts, boolean research) {
    return sorted
        .zipPartitions(hosts, (requests, rows) -> evidence(requests, rows, research))
        .mapToPair(t -> t);
  }

  /**
   * The records of one partition of the host pass: {@code rows} are the partition's host rows, in
   * the order of its hosts in {@code requests}.
   */
  private static Iterator<Tuple2<SortKey, Cells>> evidence(
      Iterator<Tuple2<SortKey, Cells>> requests, Iterator<Row> rows, boolean research) {
    return new AbstractIterator<>() {
      private Row host;
      private String contact; // the current host's, when it is drafted
      private boolean headed; // whether the current host's row has been given
      private final ArrayDeque<Tuple2<SortKey, Cells>> ready = new ArrayDeque<>();
      private final EvidenceRecords records = new EvidenceRecords(ready::add);

      @Override
      protected Tuple2<SortKey, Cells> computeNext() {
        while (ready.isEmpty()) {
          if (!requests.hasNext()) {
            records.end();
            return ready.isEmpty() ? endOfData() : ready.poll();
          }
          Tuple2<SortKey, Cells> next = requests.next();
          SortKey key = next._1();
          if (key.kind() == SortKey.HEAD) {
            continue;
          }
          // Host rows exist only for flagged hosts with requests: move on to this host's, if any.
          while (rows.hasNext()
              && (host == null
                  || Utf8Order.STRINGS.compare(host.getString(HostTable.HOST), key.host()) < 0)) {
            host = rows.next();
            contact = drafted(host, research);
            headed = false;
          }
          if (contact == null || !host.getString(HostTable.HOST).equals(key.host())) {
            continue;
          }
          if (!headed) {
            headed = true;
            records.head(contact, key.host(), host);
          }
          // The request's line alone is read from its cells; its key has the rest.
          records.line(key, contact, next._2().string(Rows.LINE));
        }
        return ready.poll();
      }
    };
  }

  /** The host's contact when it may be drafted to it, else null. */
  private static String drafted(Row host, boolean research) {
    return HostTable.drafted(host, research) ? host.getString(HostTable.CONTACT) : null;
  }
}
