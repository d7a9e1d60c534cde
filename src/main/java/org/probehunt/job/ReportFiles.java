package org.probehunt.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.probehunt.report.CsvWriter;

/** Writes CSV reports into the report folder, one named file each. */
final class ReportFiles {
  /** The Spark property that sets {@link #driverRows}. */
  static final String DRIVER_ROWS = "spark.probehunt.driverRows";

  /**
   * By default, rows a report may have and still be gathered on the driver: at a few hundred bytes
   * a row, some tens of MB of the 1 GiB local heap. Larger reports are written by the tasks in
   * pieces.
   */
  static final long DEFAULT_DRIVER_ROWS = 100_000;

  private final OutputDir out;
  private final HadoopConf conf;
  private final boolean byteOrderMark;
  private final long driverRows;

  ReportFiles(OutputDir out, HadoopConf conf, boolean byteOrderMark, long driverRows) {
    this.out = out;
    this.conf = conf;
    this.byteOrderMark = byteOrderMark;
    this.driverRows = driverRows;
  }

  /** The Hadoop configuration, for tasks that write into the report folder. */
  HadoopConf hadoop() {
    return conf;
  }

  /** Rows a table may have and still be sorted in one partition and read whole by the driver. */
  long driverRows() {
    return driverRows;
  }

  /** Writes {@code rows}, each with the header's cells in order; returns the row count. */
  long write(String name, List<String> header, Iterator<Object[]> rows) throws IOException {
    try (OutputStream stream = out.create(name);
        CsvWriter report = CsvWriter.open(stream, header, byteOrderMark)) {
      while (rows.hasNext()) {
        report.row(rows.next());
      }
      return report.rows();
    }
  }

  /**
   * Writes a table of about {@code rows} rows in the given order. A large one is never gathered
   * anywhere: it is range-partitioned by the order, each task writes its sorted partition as a
   * piece of the report, and the pieces are joined in partition order after the header, so a report
   * may be far larger than memory.
   */
  long write(String name, List<String> header, Dataset<Row> table, long rows, String... order)
      throws IOException {
    if (rows <= driverRows) {
      // Small, as most reports are: one task sorts it and the driver writes it, in one job.
      Iterator<Row> sorted =
          sortedInOnePartition(table, order).select(columns(header)).toLocalIterator();
      return write(name, header, cells(sorted));
    }
    String pieces = "." + name + ".pieces";
    String folder = out.path(pieces);
    HadoopConf hadoop = conf;
    int columns = header.size();
    // The pieces go whether the report is written or not (a full disk, a failed task).
    try {
      out.mkdirs(pieces); // before the tasks: see writePiece
      List<Long> counts =
          table
              .orderBy(order[0], Arrays.copyOfRange(order, 1, order.length))
              .select(columns(header))
              .javaRDD()
              .mapPartitionsWithIndex(
                  (index, part) ->
                      List.of(writePiece(hadoop, folder, index, columns, part)).iterator(),
                  true)
              .collect();
      try (OutputStream stream = out.create(name);
          CsvWriter report = CsvWriter.open(stream, header, byteOrderMark)) {
        report.flush();
        for (int i = 0; i < counts.size(); i++) {
          out.copy(pieces + "/" + piece(i), stream);
        }
      }
      out.delete(pieces);
      return counts.stream().mapToLong(Long::longValue).sum();
    } catch (Throwable e) { // SparkException too, which Scala throws unchecked
      try {
        // A failed job's other tasks are killed, not awaited: let them end before clearing up.
        awaitNoRunningTasks(table.sparkSession());
        out.delete(pieces);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Waits up to half a minute until no task runs, as Spark's status tracker sees them. */
  private static void awaitNoRunningTasks(SparkSession spark) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline
        && Arrays.stream(spark.sparkContext().statusTracker().getExecutorInfos())
            .anyMatch(e -> e.numRunningTasks() > 0)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The table sorted in one partition, for a driver that reads it whole: only for tables of at most
   * {@link #driverRows} rows, since the driver fetches a partition at a time.
   */
  static Dataset<Row> sortedInOnePartition(Dataset<Row> table, String... order) {
    return table
        .coalesce(1)
        .sortWithinPartitions(order[0], Arrays.copyOfRange(order, 1, order.length));
  }

  static Iterator<Object[]> cells(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        Row row = rows.next();
        Object[] cells = new Object[row.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = row.get(i);
        }
        return cells;
      }
    };
  }

  private static long writePiece(
      HadoopConf hadoop, String folder, int index, int columns, Iterator<Row> rows)
      throws IOException {
    Path path = new Path(folder, piece(index));
    FileSystem fs = path.getFileSystem(hadoop.value());
    // The driver made the folder before the job. Once a failed job's clean-up has removed it, a
    // task of that job that is still running (Spark kills them without waiting) must not make it
    // again, as creating a file would: the failed run would leave a hidden folder behind.
    if (!fs.exists(path.getParent())) {
      throw new IOException("the folder of this report's pieces is gone: " + path.getParent());
    }
    fs.setWriteChecksum(false);
    try (OutputStream stream = fs.create(path, true);
        CsvWriter piece = CsvWriter.continuation(stream, columns)) {
      Object[] cells = new Object[columns];
      while (rows.hasNext()) {
        Row row = rows.next();
        for (int c = 0; c < columns; c++) {
          cells[c] = row.get(c);
        }
        piece.row(cells);
      }
      return piece.rows();
    }
  }

  private static String piece(int index) {
    return String.format("piece-%05d.csv", index);
  }

  /** The named columns, in order. */
  static Column[] columns(List<String> names) {
    Column[] cols = new Column[names.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = col(names.get(i));
    }
    return cols;
  }
}
