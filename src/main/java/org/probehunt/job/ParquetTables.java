package org.probehunt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.timestamp_seconds;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.probehunt.report.Columns;

/**
 * {@code parquet/}: the flagged hosts and their requests as Parquet tables, so that months of runs
 * can be queried together with Spark SQL without reading the logs again. Written by Spark's own
 * writer into the staging folder, and put in place with the other reports.
 */
final class ParquetTables {
  /** The folder in the report folder. */
  static final String FOLDER = "parquet";

  private static final long SECONDS_PER_DAY = 86_400;

  private ParquetTables() {}

  /** Writes {@code parquet/requests/date=YYYY-MM-DD/} and {@code parquet/hosts/}. */
  static void write(OutputDir out, Dataset<Row> hosts, Dataset<Row> requests) {
    requests(requests)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .partitionBy("date")
        .parquet(out.path(FOLDER + "/requests"));
    hosts(hosts).write().mode(SaveMode.ErrorIfExists).parquet(out.path(FOLDER + "/hosts"));
  }

  /**
   * requests.csv's columns with {@code time} as a timestamp, then {@code date}: the request's UTC
   * day, counted from the epoch second so that the session's time zone cannot move it. One file per
   * day, its rows in requests.csv's order, so that equal runs write equal rows into equal folders.
   */
  static Dataset<Row> requests(Dataset<Row> requests) {
    List<Column> columns = typed(Columns.REQUESTS, "time", "epoch");
    columns.add(col("date"));
    return requests
        .withColumn(
            "date", date_from_unix_date(floor(col("epoch").divide(SECONDS_PER_DAY)).cast("int")))
        .repartition(col("date"))
        .sortWithinPartitions("date", "host", "epoch", "source", "line_no")
        .select(columns.toArray(Column[]::new));
  }

  /** hosts.csv's columns, first_seen and last_seen as timestamps; one file, sorted by host. */
  static Dataset<Row> hosts(Dataset<Row> hosts) {
    List<Column> columns = typed(Columns.HOSTS, "first_seen", "first_epoch");
    int last = Columns.HOSTS.indexOf("last_seen");
    columns.set(last, timestamp_seconds(col("last_epoch")).as("last_seen"));
    return hosts.coalesce(1).sortWithinPartitions("host").select(columns.toArray(Column[]::new));
  }

  /**
   * The named columns, {@code time} taken as a timestamp from the epoch seconds of {@code epoch}.
   */
  private static List<Column> typed(List<String> names, String time, String epoch) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(name.equals(time) ? timestamp_seconds(col(epoch)).as(time) : col(name));
    }
    return columns;
  }
}
