package org.probehunt.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.probehunt.report.CsvReport;

/** Writes CSV reports into the report folder, one named file each. */
final class ReportFiles {
  private final OutputDir out;
  private final HadoopConf conf;
  private final boolean byteOrderMark;

  ReportFiles(OutputDir out, HadoopConf conf, boolean byteOrderMark) {
    this.out = out;
    this.conf = conf;
    this.byteOrderMark = byteOrderMark;
  }

  /** Writes {@code rows}, each with the header's cells in order; returns the row count. */
  long write(String name, List<String> header, Iterator<Object[]> rows) throws IOException {
    try (OutputStream stream = out.create(name);
        CsvReport report = CsvReport.open(stream, header, byteOrderMark)) {
      while (rows.hasNext()) {
        report.row(rows.next());
      }
      return report.rows();
    }
  }

  /**
   * Writes a table in the given order without gathering it anywhere: it is range-partitioned by
   * the order, each task writes its sorted partition as a piece of the report, and the pieces
   * are joined in partition order after the header. Neither the driver nor a task holds more
   * than a row at a time, so a report may be far larger than memory.
   */
  long write(String name, List<String> header, Dataset<Row> table, String... order)
      throws IOException {
    String pieces = "." + name + ".pieces";
    String folder = out.path(pieces);
    HadoopConf hadoop = conf;
    int columns = header.size();
    List<Long> counts =
        table
            .orderBy(order[0], Arrays.copyOfRange(order, 1, order.length))
            .select(columns(header))
            .javaRDD()
            .mapPartitionsWithIndex(
                (index, rows) -> List.of(writePiece(hadoop, folder, index, columns, rows)).iterator(),
                true)
            .collect();
    try (OutputStream stream = out.create(name);
        CsvReport report = CsvReport.open(stream, header, byteOrderMark)) {
      report.flush();
      for (int i = 0; i < counts.size(); i++) {
        out.copy(pieces + "/" + piece(i), stream);
      }
    } finally {
      out.delete(pieces);
    }
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  private static long writePiece(
      HadoopConf hadoop, String folder, int index, int columns, Iterator<Row> rows)
      throws IOException {
    Path path = new Path(folder, piece(index));
    FileSystem fs = path.getFileSystem(hadoop.value());
    fs.setWriteChecksum(false);
    try (OutputStream stream = fs.create(path, true);
        CsvReport piece = CsvReport.continuation(stream, columns)) {
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

  private static Column[] columns(List<String> names) {
    Column[] cols = new Column[names.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = col(names.get(i));
    }
    return cols;
  }
}
