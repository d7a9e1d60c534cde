package org.probehunt.job;

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
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.probehunt.contact.ContactResolver;
import org.probehunt.report.CsvInput;

/**
 * Drafts the notices again from an earlier run's (edited) hosts.csv and requests.csv, through the
 * same host table, contacts and drafting tasks as a run.
 */
public final class Renotify {
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
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int cores = jsc.defaultParallelism();
    Tuning tuning = ProbeJob.tuning(spark, cores);
    HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Path target = new Path(out);
    FileSystem fs = target.getFileSystem(hadoop.value());
    fs.mkdirs(target);
    // The earlier notices/ and domains.csv are replaced only once the new ones are all written.
    OutputDir dir = OutputDir.forNotices(fs, target);
    List<Row> rows = flagged.stream().map(RowFactory::create).toList();
    List<String> names = rows.stream().map(r -> r.getString(0)).toList();
    ContactResolver resolver =
        ContactSources.resolver(
            plan,
            names,
            WhoisScan.directory(jsc, plan.whoisFiles(), names, hadoop, console),
            hadoop.value(),
            console);
    JavaPairRDD<SortKey, Cells> sorted =
        HostPass.sorted(
            jsc.parallelize(rows, cores),
            evidence(jsc, requestsCsv, new HashSet<>(names), hadoop),
            names,
            tuning.hostTasks());
    Broadcast<HostTable.Sources> sources =
        jsc.broadcast(
            new HostTable.Sources(
                resolver,
                plan.actors(),
                // The drafts of this very folder are what notify writes again.
                plan.ledger().reports().without(reportFolder(fs, requestsCsv)),
                plan.ledger().quietDays()));
    HostPass.Result pass =
        new HostPass(sources, plan.notifyResearch(), null, tuning.keptEvidenceChars()).run(sorted);
    try {
      ReportFiles files = new ReportFiles(dir, hadoop, byteOrderMark, Long.MAX_VALUE);
      NoticeStage.Result notices =
          NoticeStage.write(
              dir,
              files,
              pass.evidence(sorted, plan.notifyResearch()),
              pass.contacts(),
              plan,
              tuning.draftTasks());
      LedgerFile.publish(
          dir,
          hadoop.value(),
          plan.ledger(),
          pass.totals().known(),
          notices.ledger(),
          byteOrderMark,
          console);
      return notices.drafts();
    } finally {
      pass.release();
      sources.destroy();
    }
  }

  /** The folder of the run whose reports notify drafts again, as the ledger names it. */
  private static String reportFolder(FileSystem fs, String requestsCsv) {
    return fs.makeQualified(new Path(requestsCsv).getParent()).toString();
  }

  /**
   * The kept hosts' lines of requests.csv, as {@link Rows#REQUESTS}' rows with what drafting needs
   * (the other cells empty), read in one task that streams the file.
   */
  private static JavaRDD<Row> evidence(
      JavaSparkContext jsc, String file, Set<String> kept, HadoopConf hadoop) {
    Broadcast<Set<String>> hosts = jsc.broadcast(kept);
    return jsc.parallelize(List.of(file), 1)
        .mapPartitions(paths -> read(paths.next(), hosts.value(), hadoop).iterator());
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
              Object[] cells = new Object[Rows.REQUESTS.size()];
              cells[Rows.HOST] = r.get("host");
              cells[Rows.TIME] = r.get("time");
              cells[Rows.EPOCH] = OffsetDateTime.parse(r.get("time")).toEpochSecond();
              cells[Rows.SOURCE] = r.get("source");
              cells[Rows.LINE_NO] =
                  r.get("line_no").isEmpty() ? null : Long.parseLong(r.get("line_no"));
              cells[Rows.LINE] = r.get("line");
              cells[Rows.USER_AGENT] = r.get("user_agent");
              cells[Rows.PROBE] = Boolean.parseBoolean(r.get("probe"));
              rows.add(RowFactory.create(cells));
            }
          });
    }
    return rows;
  }
}
