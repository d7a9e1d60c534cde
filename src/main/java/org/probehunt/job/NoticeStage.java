package org.probehunt.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.upper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.notify.TemplateSet;
import org.probehunt.report.Columns;
import org.probehunt.report.Ledger;

/** From the host table to contacts: domains.csv's table, and the drafts written by tasks. */
final class NoticeStage {
  private static final StructType INDEX = indexSchema();

  private NoticeStage() {}

  /**
   * The hosts that may be drafted and listed in abuseipdb.csv: all but those the ledger knows
   * (hosts.csv's {@code status}) and the research scanners' (its {@code actor}), unless the plan
   * says to write to them too.
   */
  static Dataset<Row> drafted(Dataset<Row> hosts, NoticePlan plan) {
    Dataset<Row> told = hosts.filter(col("status").notEqual(Ledger.KNOWN));
    return plan.notifyResearch() ? told : told.filter(col("actor").isNull());
  }

  /**
   * The hosts that get a draft: those of the contacts of {@code country} (all when null). {@code
   * contacts} is {@link #contacts} of {@code hosts}.
   */
  static Dataset<Row> chosen(Dataset<Row> hosts, Dataset<Row> contacts, String country) {
    if (country == null) {
      // Every contact of these hosts: a filter gives them without a join, a job of its own.
      return hosts.filter(col("contact").isNotNull());
    }
    Dataset<Row> chosen =
        contacts.filter(upper(col("country")).equalTo(country.toUpperCase(Locale.ROOT)));
    return hosts.join(
        chosen.select(col("contact").as("chosen")),
        col("contact").equalTo(col("chosen")),
        "left_semi");
  }

  /** One row per contact (domains.csv's columns), from the hosts it hears about. */
  static Dataset<Row> contacts(Dataset<Row> hosts) {
    return hosts
        .filter(col("contact").isNotNull())
        .groupBy("contact")
        .agg(
            // The contact's own fields, as its first host (by name) has them.
            min(struct(col("host"), col("contact_to"), col("contact_country"), col("check_url")))
                .as("lead"),
            count(lit(1)).as("hosts"),
            sum("probes").as("probes"),
            sum("requests").as("requests"),
            min(struct(col("first_epoch"), col("first_seen"))).as("first"),
            max(struct(col("last_epoch"), col("last_seen"))).as("last"),
            joinedSet("contact_source").as("source"),
            joinedSet("network").as("networks"),
            joinedSet("holder").as("holder"),
            joinedSet("registry").as("registry"))
        .select(
            col("contact"),
            col("lead.contact_to").as("addresses"),
            col("hosts"),
            col("probes"),
            col("requests"),
            col("first.first_seen").as("first_seen"),
            col("last.last_seen").as("last_seen"),
            col("lead.contact_country").as("country"),
            col("lead.check_url").as("check_url"),
            col("source"),
            col("networks"),
            col("holder"),
            col("registry"));
  }

  /**
   * Writes the drafts of the plan's contacts into {@code out}'s notices/ in {@code tasks} tasks,
   * then notices/index.csv; returns the number of drafts.
   */
  static long writeNotices(
      OutputDir out,
      ReportFiles files,
      Dataset<Row> hosts,
      Dataset<Row> contacts,
      Dataset<Row> requests,
      NoticePlan plan,
      int tasks)
      throws IOException {
    out.mkdirs("notices");
    NoticeFolder folder = new NoticeFolder(out.location(), files.hadoop());
    List<Row> index =
        new ArrayList<>(
            draft(hosts, contacts, requests, plan.country(), plan.notices(), folder, tasks));
    index.sort(Comparator.comparing(r -> r.getString(0)));
    files.write("notices/index.csv", Columns.NOTICE_INDEX, ReportFiles.cells(index.iterator()));
    return (long) index.size() * TemplateSet.LANGUAGES.size();
  }

  /**
   * Writes the drafts of the contacts of {@code country} (all when null) in {@code tasks} tasks,
   * each task drafting whole contacts; returns notices/index.csv's rows, unsorted.
   */
  private static List<Row> draft(
      Dataset<Row> hosts,
      Dataset<Row> contacts,
      Dataset<Row> requests,
      String country,
      NoticeSettings settings,
      NoticeFolder folder,
      int tasks) {
    Dataset<Row> drafted =
        chosen(hosts, contacts, country).select(taskColumns(c -> !c.equals("line")));
    Dataset<Row> evidence =
        requests
            .select("host", "epoch", "source", "line_no", "line")
            .join(broadcast(drafted), "host")
            .repartition(tasks, col("contact"))
            .sortWithinPartitions("contact", "host", "epoch", "source", "line_no")
            .select(taskColumns(c -> true));
    return evidence
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> NoticeTask.run(rows, settings, folder),
            Encoders.row(INDEX))
        .collectAsList();
  }

  /** The columns a drafting task reads, in its order, those that {@code keep} keeps. */
  private static Column[] taskColumns(Predicate<String> keep) {
    return Arrays.stream(NoticeTask.COLUMNS)
        .filter(keep)
        .map(functions::col)
        .toArray(Column[]::new);
  }

  /** The distinct non-empty values of a column over a group, sorted and joined by ';'. */
  private static Column joinedSet(String column) {
    return concat_ws(";", array_sort(collect_set(col(column))));
  }

  private static StructType indexSchema() {
    StructType s = new StructType();
    for (String column : Columns.NOTICE_INDEX) {
      boolean count = List.of("hosts", "probes", "requests").contains(column);
      s = s.add(column, count ? DataTypes.LongType : DataTypes.StringType, true);
    }
    return s;
  }
}
