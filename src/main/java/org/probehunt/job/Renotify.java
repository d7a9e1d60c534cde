package org.probehunt.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.probehunt.contact.ContactResolver;
import org.probehunt.report.Columns;
import org.probehunt.report.CsvInput;

/**
 * Drafts the notices again from an earlier run's (edited) hosts.csv and requests.csv, through the
 * same host table, contacts and drafting tasks as a run.
 */
public final class Renotify {
  private static final StructType EVIDENCE =
      new StructType()
          .add("host", StringType, false)
          .add("time", StringType, true)
          .add("epoch", LongType, false)
          .add("source", StringType, true)
          .add("line_no", LongType, true)
          .add("line", StringType, true)
          .add("user_agent", StringType, true)
          .add("probe", BooleanType, true);

  private Renotify() {}

  /**
   * Writes domains.csv, notices/ and notices/index.csv into {@code out} for the flagged hosts
   * ({@link Rows#FLAGGED}'s fields: host, probes, rules, categories) kept in hosts.csv; returns the
   * number of drafts.
   */
  public static long run(
      SparkSession spark,
      List<Object[]> flagged,
      String requestsCsv,
      String out,
      boolean byteOrderMark,
      NoticePlan plan,
      PrintWriter console)
      throws IOException {
    HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Path target = new Path(out);
    FileSystem fs = target.getFileSystem(hadoop.value());
    fs.mkdirs(target);
    // The earlier notices/ and domains.csv are replaced only once the new ones are all written.
    OutputDir dir = OutputDir.forNotices(fs, target);
    List<Row> rows = flagged.stream().map(RowFactory::create).toList();
    List<String> names = rows.stream().map(r -> r.getString(0)).toList();
    Dataset<Row> requests = evidence(spark, requestsCsv, new HashSet<>(names), hadoop);
    ContactResolver resolver =
        ContactSources.resolver(
            plan,
            names,
            WhoisScan.directory(
                JavaSparkContext.fromSparkContext(spark.sparkContext()),
                plan.whoisFiles(),
                names,
                hadoop,
                console),
            hadoop.value(),
            console);
    Dataset<Row> hosts =
        HostTable.build(
                spark.createDataFrame(rows, Rows.FLAGGED),
                requests,
                resolver,
                plan.actors(),
                // The drafts of this very folder are what notify writes again.
                plan.ledger().reports().without(reportFolder(fs, requestsCsv)),
                plan.ledger().quietDays())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> drafted = NoticeStage.drafted(hosts, plan);
    Dataset<Row> contacts = NoticeStage.contacts(drafted).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ReportFiles files = new ReportFiles(dir, hadoop, byteOrderMark, Long.MAX_VALUE);
      files.write("domains.csv", Columns.DOMAINS, contacts, 0, "contact");
      long drafts =
          NoticeStage.writeNotices(
              dir,
              files,
              drafted,
              contacts,
              requests,
              plan,
              2 * spark.sparkContext().defaultParallelism());
      LedgerFile.publish(
          dir,
          hadoop.value(),
          plan.ledger(),
          hosts,
          NoticeStage.chosen(drafted, contacts, plan.country()),
          byteOrderMark,
          console);
      return drafts;
    } finally {
      contacts.unpersist();
      hosts.unpersist();
    }
  }

  /** The folder of the run whose reports notify drafts again, as the ledger names it. */
  private static String reportFolder(FileSystem fs, String requestsCsv) {
    return fs.makeQualified(new Path(requestsCsv).getParent()).toString();
  }

  /** The kept hosts' lines of requests.csv, read in one task that streams the file. */
  private static Dataset<Row> evidence(
      SparkSession spark, String file, Set<String> kept, HadoopConf hadoop) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Set<String>> hosts = jsc.broadcast(kept);
    return spark.createDataFrame(
        jsc.parallelize(List.of(file), 1)
            .mapPartitions(paths -> read(paths.next(), hosts.value(), hadoop).iterator()),
        EVIDENCE);
  }

  private static List<Row> read(String file, Set<String> kept, HadoopConf hadoop)
      throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop.value());
    List<Row> rows = new ArrayList<>();
    try (InputStream in = fs.open(path)) {
      CsvInput.forEach(
          in,
          file,
          List.of("host", "time", "source", "line_no", "line", "user_agent", "probe"),
          r -> {
            if (kept.contains(r.get("host"))) {
              rows.add(
                  RowFactory.create(
                      r.get("host"),
                      r.get("time"),
                      OffsetDateTime.parse(r.get("time")).toEpochSecond(),
                      r.get("source"),
                      r.get("line_no").isEmpty() ? null : Long.parseLong(r.get("line_no")),
                      r.get("line"),
                      r.get("user_agent"),
                      Boolean.parseBoolean(r.get("probe"))));
            }
          });
    }
    return rows;
  }
}
