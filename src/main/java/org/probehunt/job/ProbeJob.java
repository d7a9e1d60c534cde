package org.probehunt.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.probehunt.contact.ContactResolver;
import org.probehunt.input.Batches;
import org.probehunt.input.Candidate;
import org.probehunt.input.Discovery;
import org.probehunt.pass.EntryTally;
import org.probehunt.pass.PassEvent;
import org.probehunt.pass.RejectedLine;
import org.probehunt.report.Columns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The whole run: find the logs, scan them for probes, pull every request of the probing hosts back
 * out of the same logs, and write the reports and notices.
 */
public final class ProbeJob {
  private static final String OBJECT_AGGREGATE_KEYS =
      "spark.sql.objectHashAggregate.sortBased.fallbackThreshold";
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  private final SparkSession spark;
  private final JobSettings settings;
  private final PrintWriter console;

  private ProbeJob(SparkSession spark, JobSettings settings, PrintWriter console) {
    this.spark = spark;
    this.settings = settings;
    this.console = console;
  }

  /** Runs the job in {@code spark}, printing one line per phase to {@code console}. */
  public static JobResult run(SparkSession spark, JobSettings settings, PrintWriter console)
      throws IOException {
    return new ProbeJob(spark, settings, console).run();
  }

  // The progress lines run for the length of a try block and need no other reference.
  @SuppressWarnings("try")
  private JobResult run() throws IOException {
    // Per-host sets (rules, networks) are object aggregates, which Spark sorts and spills once a
    // task holds more than 128 keys: with thousands of flagged hosts that cost seconds per table.
    // A flagged host's sets are small, so a task may hold this many in memory.
    unlessSet(OBJECT_AGGREGATE_KEYS, "100000");
    // Every shuffle after the scan is of the flagged hosts' small tables: one partition per core
    // is enough, and each partition more is one more task of fixed cost in every report job.
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int cores = jsc.defaultParallelism();
    Tuning tuning = tuning(spark, cores);
    unlessSet(SHUFFLE_PARTITIONS, Integer.toString(cores));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Candidate> candidates =
        Discovery.discover(conf, settings.paths(), settings.include(), settings.exclude());
    List<Candidate> reading = candidates.stream().filter(Candidate::read).toList();
    // Only once the inputs are known to exist may --overwrite empty the report folder.
    OutputDir out = OutputDir.prepare(conf, settings.out(), settings.overwrite(), reading);
    // Archive members, nested archives among them, are met only in the scan: its line and the
    // done line count every skipped input.
    phase(
        "find: %d files to read, %d skipped so far",
        reading.size(), candidates.size() - reading.size());

    HadoopConf hadoop = new HadoopConf(conf);
    Passes passes = new Passes(jsc, batches(reading, cores), hadoop, settings.pass());
    ReportFiles files = new ReportFiles(out, hadoop, settings.byteOrderMark(), tuning.driverRows());
    // The first pass's output (probes, rejects, tallies) is read three times.
    Passes.Counters scanned = passes.counters("scan");
    // Kept as objects: reading them back through Java serialization cost seconds on a busy
    // month; what does not fit in memory spills to disk, list by list (see EventChunks).
    JavaRDD<List<PassEvent>> cached =
        passes
            .probes(scanned)
            .mapPartitions(EventChunks::of)
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<PassEvent> events = cached.flatMap(List::iterator);
    JavaRDD<Row> flagged = null;
    HostPass.Result pass = null;
    try {
      Inputs inputs;
      try (ProgressLine progress = ProgressLine.watch("scan", scanned, passes.files(), console)) {
        inputs = Inputs.of(tallies(events, candidates));
      }
      phase(
          "scan: %d lines in %d inputs (%d skipped): %d requests, %d rejected, %d damaged inputs",
          inputs.lines(),
          inputs.read(),
          inputs.skipped(),
          inputs.parsed(),
          inputs.rejected(),
          inputs.damaged().size());
      if (settings.strict() && !inputs.damaged().isEmpty()) {
        files.write("inputs.csv", Columns.INPUTS, inputs.rows());
        throw new DamagedInputException(inputs.damaged().get(0));
      }

      // Plain RDDs from here to the reports: a normal run pays for no Spark SQL planning. The
      // flagged hosts' rows are kept serialized: read twice, they are few, and kept as objects
      // Spark's size estimator walked them over and over as they were stored (busy month: the
      // stage 0.43 CPU-s against 0.64).
      flagged =
          Findings.flag(spark, events, settings.minProbes())
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      List<String> hostNames = flagged.map(r -> r.getString(0)).collect();
      phase("detect: %d hosts sent probes", hostNames.size());

      Passes.Counters joined = passes.counters("join back");
      JoinBack joinBack = JoinBack.plan(passes, events, hostNames, reading, cores);
      ContactResolver resolver =
          ContactSources.resolver(
              settings.notices(),
              hostNames,
              WhoisScan.directory(jsc, settings.notices().whoisFiles(), hostNames, hadoop, console),
              conf,
              console);
      JavaPairRDD<SortKey, Cells> sorted =
          HostPass.sorted(
              flagged,
              joinBack.requests(passes, events, hostNames, joined),
              hostNames,
              tuning.hostTasks());
      ReportStage reports = new ReportStage(out, files, settings, console, tuning);
      // The reports of the first pass alone, before its output is let go (see below).
      reports.writeInputs(inputs, rejects(events));
      // Once the host pass's shuffle has taken the flagged hosts' requests from the first pass's
      // output (on a busy month, hundreds of megabytes of every request of every prober), nothing
      // reads that output again: it goes while the pass sorts, not after, so the collector need
      // not copy it over and over through the rest of the run.
      JavaRDD<Row> flaggedRows = flagged;
      SparkListener release =
          afterStage(
              sorted.rdd().dependencies().head().rdd().id(),
              () -> {
                flaggedRows.unpersist(false);
                cached.unpersist(false);
              });
      spark.sparkContext().addSparkListener(release);
      try (ProgressLine progress =
          ProgressLine.watch("join back", joined, joinBack.files(), console)) {
        // The job that reads the files again and sorts the flagged hosts' requests.
        pass =
            reports.hostPass(
                sorted,
                passes.share(
                    new HostTable.Sources(
                        resolver,
                        settings.notices().actors(),
                        settings.notices().ledger().reports(),
                        settings.notices().ledger().quietDays())));
      } finally {
        spark.sparkContext().removeSparkListener(release);
      }
      phase(
          "join back: %d requests from the flagged hosts (%d of %d files read again)",
          pass.totals().requests(), joinBack.files(), passes.files());
      flagged.unpersist();
      cached.unpersist();
      return reports.write(inputs, sorted, pass);
    } finally {
      // A session reused by spark-submit tooling or tests must not keep this run's blocks.
      if (pass != null) {
        pass.release();
      }
      if (flagged != null) {
        flagged.unpersist();
      }
      cached.unpersist();
      passes.release();
    }
  }

  /**
   * A listener that runs {@code action} once, when a stage that computed RDD {@code rddId} has
   * completed without failure.
   */
  private static SparkListener afterStage(int rddId, Runnable action) {
    AtomicBoolean done = new AtomicBoolean();
    return new SparkListener() {
      @Override
      public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo stage = completed.stageInfo();
        if (stage.failureReason().isEmpty()
            && CollectionConverters.asJava(stage.rddInfos()).stream().anyMatch(r -> r.id() == rddId)
            && done.compareAndSet(false, true)) {
          action.run();
        }
      }
    };
  }

  /** Sets a Spark SQL property for this session, unless the user has set it. */
  private void unlessSet(String key, String value) {
    if (!spark.conf().contains(key)) {
      spark.conf().set(key, value);
    }
  }

  /** The lines the first pass rejected, as {@link Rows#REJECTS}' rows. */
  private static JavaRDD<Row> rejects(JavaRDD<PassEvent> events) {
    return events.filter(e -> e instanceof RejectedLine).map(e -> Rows.reject((RejectedLine) e));
  }

  /**
   * The run's own properties ({@link Tuning}) as the session has them, checked. By default the
   * contact pass has two tasks per core, so that a few large contacts do not hold back the rest
   * (the drafts are the same whatever their number).
   */
  static Tuning tuning(SparkSession spark, int cores) {
    return Tuning.of(key -> spark.conf().contains(key) ? spark.conf().get(key) : null, cores);
  }

  private List<EntryTally> tallies(JavaRDD<PassEvent> events, List<Candidate> candidates) {
    List<EntryTally> tallies = new ArrayList<>();
    for (PassEvent e : events.filter(e -> e instanceof EntryTally).collect()) {
      tallies.add((EntryTally) e);
    }
    for (Candidate c : candidates) {
      if (!c.read()) {
        tallies.add(
            new EntryTally(c.path(), null, null, null, 0, 0, 0, c.status().label(), c.reason(), 0));
      }
    }
    tallies.sort(Comparator.comparing(EntryTally::source));
    return tallies;
  }

  /** {@code files} in batches of about equal bytes, a few to a core: one task each. */
  static List<List<String>> batches(List<Candidate> files, int parallelism) {
    List<List<String>> batches = new ArrayList<>();
    for (List<Candidate> batch :
        Batches.pack(
            files,
            Batches.targetBytes(files.stream().mapToLong(Candidate::size).sum(), parallelism))) {
      batches.add(batch.stream().map(Candidate::path).toList());
    }
    return batches;
  }

  private void phase(String format, Object... args) {
    console.printf(format + "%n", args);
    console.flush();
  }
}
