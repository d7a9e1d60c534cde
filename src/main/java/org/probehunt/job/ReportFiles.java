package org.probehunt.job;

import static org.apache.spark.sql.functions.col;

import com.google.common.collect.AbstractIterator;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.probehunt.report.CsvWriter;

/** Writes CSV reports into the report folder, one named file each. */
final class ReportFiles {
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
   * Writes a large table in the given order, never gathered anywhere: it is range-partitioned by
   * the order, each task writes its sorted partition as a piece of the report, and the pieces are
   * joined in partition order after the header, so a report may be far larger than memory.
   */
  private long writeInPieces(String name, List<String> header, Dataset<Row> table, String... order)
      throws IOException {
    Pieces pieces = pieces(name); // before the tasks: see Pieces#open
    int columns = header.size();
    // The pieces go whether the report is written or not (a full disk, a failed task).
    try {
      long[] counts =
          table
              .orderBy(order[0], Arrays.copyOfRange(order, 1, order.length))
              .select(columns(header))
              .javaRDD()
              .mapPartitionsWithIndex(
                  (index, part) -> List.of(writePiece(pieces, index, columns, part)).iterator(),
                  true)
              .collect()
              .stream()
              .mapToLong(Long::longValue)
              .toArray();
      return join(pieces, header, counts, -1);
    } catch (Throwable e) { // SparkException too, which Scala throws unchecked
      discard(pieces, table.sparkSession(), e);
      throw e;
    }
  }

  /**
   * Writes {@code table} ({@code schema}'s columns, the header's) in the order of {@code columns},
   * which {@code order} gives too: a table of at most {@link #driverRows} rows, as most are, is
   * gathered and sorted on the driver, with no Spark SQL; a larger one is written by the tasks in
   * pieces.
   */
  long write(
      String name,
      List<String> header,
      JavaRDD<Row> table,
      StructType schema,
      long rows,
      Comparator<Row> order,
      String... columns)
      throws IOException {
    if (rows > driverRows) {
      return writeInPieces(
          name, header, SparkSession.active().createDataFrame(table, schema), columns);
    }
    List<Row> all = new ArrayList<>(table.collect());
    all.sort(order);
    return write(name, header, cells(all.iterator()));
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

  private static Iterator<Object[]> cells(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        Row row = rows.next();
        return Rows.copy(row, new Object[row.size()]);
      }
    };
  }

  /**
   * A report that tasks write in pieces, one per task, in order: {@link #pieces} makes the hidden
   * folder before the job, {@link #join} puts the pieces after the header once it is done, and
   * {@link #discard} clears them up when it fails.
   */
  static final class Pieces implements Serializable {
    /** The file in a folder of pieces that tells tasks it is open (see {@link #open}). */
    private static final String OPEN = ".open";

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String folder;
    private final HadoopConf conf;

    private Pieces(String name, String folder, HadoopConf conf) {
      this.name = name;
      this.folder = folder;
      this.conf = conf;
    }

    /**
     * Piece {@code index}, for a task to write; null when the folder is gone, and the task writes
     * nothing. The driver made the folder before the job, and removes it once the pieces are joined
     * or the job has failed: a task that runs after that (Spark kills a failed job's tasks without
     * waiting, and may compute a lost partition again) must not make it again, as creating a file
     * would, leaving a hidden folder behind.
     */
    OutputStream open(int index) throws IOException {
      Path path = new Path(folder, piece(index));
      FileSystem fs = path.getFileSystem(conf.value());
      // A file, not the folder: an object store (s3a://) has no folders to ask about.
      if (!fs.exists(new Path(folder, OPEN))) {
        return null;
      }
      fs.setWriteChecksum(false);
      return fs.create(path, true);
    }

    /**
     * Piece {@code index}, for a task that computes its partition once: a folder already gone (a
     * failed job's clean-up) is an error, not an empty piece.
     */
    OutputStream create(int index) throws IOException {
      OutputStream stream = open(index);
      if (stream == null) {
        throw new IOException("the folder of this report's pieces is gone: " + folder);
      }
      return stream;
    }
  }

  /**
   * Makes the folder of the pieces of report {@code name}, for the tasks of one job, with the file
   * that tells them it is still open.
   */
  Pieces pieces(String name) throws IOException {
    String hidden = hidden(name);
    out.mkdirs(hidden);
    out.create(hidden + "/" + Pieces.OPEN).close();
    return new Pieces(name, out.path(hidden), conf);
  }

  /**
   * Writes report {@code pieces} as the header and then its pieces in order, one per task, and
   * removes them; task {@code i} wrote {@code rows[i]} rows, which the returned total adds up.
   * {@code expected} rows, when not negative, is the count the tasks must have written: a piece
   * that went missing is an error, not a shorter report.
   */
  long join(Pieces pieces, List<String> header, long[] rows, long expected) throws IOException {
    long total = Arrays.stream(rows).sum();
    if (expected >= 0 && total != expected) {
      throw new IOException(
          pieces.name
              + ": the tasks wrote "
              + total
              + " rows of "
              + expected
              + " (a piece is gone)");
    }
    String hidden = hidden(pieces.name);
    try (OutputStream stream = out.create(pieces.name);
        CsvWriter report = CsvWriter.open(stream, header, byteOrderMark)) {
      report.flush();
      for (int i = 0; i < rows.length; i++) {
        out.copy(hidden + "/" + piece(i), stream);
      }
    }
    out.delete(hidden);
    return total;
  }

  /**
   * The records of the first {@code count} pieces of {@code pieces}, in order, each piece written
   * as length-prefixed byte arrays ({@link DataOutputStream#writeInt}, then the bytes): for a
   * report that the driver cuts into files itself. A failure to read is an {@link
   * UncheckedIOException}.
   */
  Iterator<byte[]> records(Pieces pieces, int count) {
    String hidden = hidden(pieces.name);
    return new AbstractIterator<>() {
      private int next;
      private DataInputStream in;

      @Override
      protected byte[] computeNext() {
        try {
          while (true) {
            if (in == null) {
              if (next == count) {
                return endOfData();
              }
              in =
                  new DataInputStream(
                      new BufferedInputStream(out.open(hidden + "/" + piece(next++)), 1 << 16));
            }
            int length;
            try {
              length = in.readInt();
            } catch (EOFException end) {
              in.close();
              in = null;
              continue;
            }
            byte[] record = new byte[length];
            in.readFully(record);
            return record;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** Removes the pieces of a failed job, once its tasks have stopped. */
  void discard(Pieces pieces, SparkSession spark, Throwable failure) {
    try {
      awaitNoRunningTasks(spark);
      out.delete(hidden(pieces.name));
    } catch (IOException | RuntimeException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  /** Removes the pieces once their report is written. */
  void delete(Pieces pieces) throws IOException {
    out.delete(hidden(pieces.name));
  }

  /** The hidden folder of a report's pieces, beside the reports. */
  private static String hidden(String name) {
    return "." + name.replace('/', '-') + ".pieces";
  }

  private static long writePiece(Pieces pieces, int index, int columns, Iterator<Row> rows)
      throws IOException {
    try (CsvWriter piece = CsvWriter.continuation(pieces.create(index), columns)) {
      Object[] cells = new Object[columns];
      while (rows.hasNext()) {
        piece.row(Rows.copy(rows.next(), cells));
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
