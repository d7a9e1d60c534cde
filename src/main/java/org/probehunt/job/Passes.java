package org.probehunt.job;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import org.probehunt.parse.HostSet;
import org.probehunt.pass.FilePass;
import org.probehunt.pass.PassEvent;
import org.probehunt.pass.PassSettings;

/**
 * The two reading passes over the input batches: one task per batch, each streaming its files
 * through a {@link FilePass}; the second reads only the files the join back names. Nothing but the
 * events a pass asks for leaves a task.
 */
final class Passes {
  /**
   * Test-only: milliseconds each first-pass task waits after every file it read, so that the fault
   * test (.ci/fault-test) can kill an executor while the scan's tasks run. Not for users.
   */
  static final String TEST_PAUSE_PER_FILE = "spark.probehunt.test.pauseMillisPerFile";

  private final JavaSparkContext jsc;
  private final List<List<String>> batches;
  private final HadoopConf conf;
  private final Broadcast<PassSettings> settings;
  private final List<Broadcast<?>> broadcasts = new ArrayList<>();
  private final long pauseMillis;

  Passes(JavaSparkContext jsc, List<List<String>> batches, HadoopConf conf, PassSettings settings) {
    this.jsc = jsc;
    this.batches = batches.isEmpty() ? List.of(List.of()) : batches;
    this.conf = conf;
    this.settings = jsc.broadcast(settings);
    broadcasts.add(this.settings);
    this.pauseMillis = jsc.getConf().getLong(TEST_PAUSE_PER_FILE, 0);
  }

  /** Probes, rejected lines and per-file tallies. */
  JavaRDD<PassEvent> probes(Counters counters) {
    HadoopConf c = conf;
    Broadcast<PassSettings> s = settings;
    long pause = pauseMillis;
    return tasks()
        .mapPartitions(
            it ->
                closing(
                    FilePass.probes(
                        c.value(),
                        paths(it),
                        s.value(),
                        lines -> {
                          counters.fileRead(lines);
                          pause(pause);
                        })));
  }

  /**
   * Every request of the files in {@code again} (batches of paths) whose client is one of {@code
   * hosts}, in the files and archive members named in {@code sources}; the other members are not
   * read.
   */
  JavaRDD<PassEvent> requestsOf(
      List<List<String>> again,
      Broadcast<Set<String>> sources,
      Broadcast<HostSet> hosts,
      Counters counters) {
    if (again.isEmpty()) {
      return jsc.emptyRDD();
    }
    HadoopConf c = conf;
    Broadcast<PassSettings> s = settings;
    HostSet none = HostSet.of(List.of());
    return jsc.parallelize(again, again.size())
        .mapPartitions(
            it ->
                closing(
                    FilePass.requestsOf(
                        c.value(),
                        paths(it),
                        s.value(),
                        source -> sources.value().contains(source) ? hosts.value() : none,
                        counters::fileRead)));
  }

  /** {@code value} shipped once to every executor, and dropped from them by {@link #release}. */
  <T> Broadcast<T> share(T value) {
    Broadcast<T> shared = jsc.broadcast(value);
    broadcasts.add(shared);
    return shared;
  }

  /** New counters of files and lines read, for one pass's progress line. */
  Counters counters(String pass) {
    return new Counters(
        jsc.sc().longAccumulator(pass + ": files read"),
        jsc.sc().longAccumulator(pass + ": lines read"));
  }

  /** Files and lines a pass has read so far, as its finished tasks report them. */
  record Counters(LongAccumulator files, LongAccumulator lines) implements Serializable {
    void fileRead(long lineCount) {
      files.add(1);
      lines.add(lineCount);
    }
  }

  /** Drops the broadcast settings and host sets from every executor. */
  void release() {
    broadcasts.forEach(b -> b.destroy());
  }

  /** How many files the passes read. */
  int files() {
    return batches.stream().mapToInt(List::size).sum();
  }

  /** One partition per batch: parallelize spreads a list evenly, one element to a slice here. */
  private JavaRDD<List<String>> tasks() {
    return jsc.parallelize(batches, batches.size());
  }

  private static void pause(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        // A killed task is interrupted: let it end as it would have.
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<String> paths(Iterator<List<String>> batch) {
    List<String> paths = new ArrayList<>();
    batch.forEachRemaining(paths::addAll);
    return paths;
  }

  /** Closes the pass's open file when the task ends, also when it ends early. */
  private static Iterator<PassEvent> closing(FilePass pass) {
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          (TaskCompletionListener)
              ctx -> {
                try {
                  pass.close();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return pass;
  }
}
