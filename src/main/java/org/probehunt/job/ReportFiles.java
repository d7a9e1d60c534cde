package org.probehunt.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.probehunt.report.CsvReport;

/** Writes CSV reports into the report folder, one named file each. */
final class ReportFiles {
  private final OutputDir out;
  private final boolean byteOrderMark;

  ReportFiles(OutputDir out, boolean byteOrderMark) {
    this.out = out;
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
   * Streams a table to the driver in the given order, so the report can be larger than the driver's
   * memory: one task sorts it (spilling to disk past its memory), and the driver reads that one
   * sorted partition as it writes.
   */
  long write(String name, List<String> header, Dataset<Row> table, String... order)
      throws IOException {
    Iterator<Row> rows = sorted(table, order).select(columns(header)).toLocalIterator();
    return write(
        name,
        header,
        new Iterator<>() {
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
        });
  }

  /**
   * The table as one partition in this order. One sorted partition rather than a range- partitioned
   * orderBy: the driver reads the rows one after another anyway, and this takes one job where
   * orderBy takes a sampling job plus one job per partition read.
   */
  static Dataset<Row> sorted(Dataset<Row> table, String... order) {
    return table
        .coalesce(1)
        .sortWithinPartitions(order[0], Arrays.copyOfRange(order, 1, order.length));
  }

  private static Column[] columns(List<String> names) {
    Column[] cols = new Column[names.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = col(names.get(i));
    }
    return cols;
  }
}
