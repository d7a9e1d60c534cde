package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.report.Columns;
import org.probehunt.report.CsvCells;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/** --parquet in a real run: the Parquet tables read back with Spark hold what the CSV files do. */
class ParquetTablesTest {
  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private static String line(String host, String time, String path, String referer, String agent) {
    return host
        + " - - ["
        + time
        + "] \"GET "
        + path
        + " HTTP/1.1\" 404 "
        + (path.startsWith("/index") ? "-" : "9")
        + " \""
        + referer
        + "\" \""
        + agent
        + "\"";
  }

  /** Requests on both sides of UTC midnight, in two offsets, and cells a spreadsheet would run. */
  private Path logs() throws IOException {
    return LogFiles.plain(
        tmp.resolve("logs/access_log"),
        List.of(
            line("198.51.100.7", "01/Oct/2025:08:30:00 +0900", "/cgi-bin/phf", "-", "Mozilla/5.0"),
            line("198.51.100.7", "01/Oct/2025:10:00:00 +0900", "/cgi-bin/test-cgi", "-", "-"),
            line("198.51.100.7", "02/Oct/2025:12:00:00 +0900", "/index.html", "-", "Mozilla/5.0"),
            line("192.0.2.50", "02/Oct/2025:12:00:01 +0900", "/index.html", "-", "Mozilla/5.0"),
            line(
                "203.0.113.9",
                "02/Oct/2025:23:59:59 -0500",
                "/.env",
                "@evil",
                "=HYPERLINK(\\\"http://x.example/\\\")")));
  }

  private Path run(Path logs, String name) throws IOException {
    Path out = tmp.resolve(name);
    JobSettings settings =
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()).withParquet();
    ProbeJob.run(spark, settings, new PrintWriter(new StringWriter()));
    return out;
  }

  private Dataset<Row> read(Path out, String table) {
    return spark.read().parquet(out.resolve("parquet").resolve(table).toUri().toString());
  }

  /** A value as requests.csv or hosts.csv writes it. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return CsvCells.neutralise(value.toString());
  }

  /**
   * Every CSV row has the Parquet row of the same key, cell by cell; a timestamp is the instant the
   * CSV's time (with its offset) names.
   */
  private static void assertSameRows(
      List<Map<String, String>> csv,
      List<Row> parquet,
      List<String> columns,
      Function<Map<String, String>, String> csvKey,
      Function<Row, String> parquetKey) {
    assertEquals(csv.size(), parquet.size(), "rows: " + parquet);
    Map<String, Row> byKey = new HashMap<>();
    parquet.forEach(r -> byKey.put(parquetKey.apply(r), r));
    for (Map<String, String> row : csv) {
      Row p = byKey.get(csvKey.apply(row));
      assertNotNull(p, "no Parquet row for " + row);
      for (String c : columns) {
        Object v = p.getAs(c);
        if (v instanceof Timestamp t) {
          assertEquals(
              OffsetDateTime.parse(row.get(c)).toInstant(), t.toInstant(), c + " of " + row);
        } else {
          assertEquals(row.get(c), cell(v), c + " of " + row + " vs " + p);
        }
      }
    }
  }

  private static String requestKey(Object source, Object lineNo) {
    return cell(source) + "\n" + cell(lineNo);
  }

  @Test
  void requestsReadBackAsRequestsCsvWithTypes() throws IOException {
    Path out = run(logs(), "out");
    Dataset<Row> requests = read(out, "requests");

    Map<String, DataType> types = new HashMap<>();
    for (var f : requests.schema().fields()) {
      types.put(f.name(), f.dataType());
    }
    assertEquals(DataTypes.TimestampType, types.get("time"));
    assertEquals(DataTypes.IntegerType, types.get("status"));
    assertEquals(DataTypes.LongType, types.get("bytes"));
    assertEquals(DataTypes.BooleanType, types.get("probe"));
    assertEquals(DataTypes.LongType, types.get("line_no"));
    assertEquals(DataTypes.DateType, types.get("date"));
    List<String> names = new ArrayList<>(List.of(requests.columns()));
    assertEquals(Columns.REQUESTS, names.subList(0, Columns.REQUESTS.size()), "columns in order");

    List<Map<String, String>> csv = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(4, csv.size(), "the two flagged hosts' requests: " + csv);
    assertSameRows(
        csv,
        requests.collectAsList(),
        Columns.REQUESTS,
        r -> requestKey(r.get("source"), r.get("line_no")),
        r -> requestKey(r.getAs("source"), r.getAs("line_no")));
  }

  @Test
  void requestsArePartitionedByTheirUtcDate() throws IOException {
    Path out = run(logs(), "out");
    TreeSet<String> utc = new TreeSet<>();
    TreeSet<String> local = new TreeSet<>();
    for (Map<String, String> r : CsvFiles.rows(out.resolve("requests.csv"))) {
      OffsetDateTime time = OffsetDateTime.parse(r.get("time"));
      utc.add("date=" + time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
      local.add("date=" + time.toLocalDate());
    }
    assertNotEquals(local, utc, "the logs have requests whose UTC day is not their local one");
    assertEquals(utc, folders(out.resolve("parquet/requests")));

    for (Row r : read(out, "requests").select("time", "date").collectAsList()) {
      assertEquals(
          r.getTimestamp(0).toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
          r.getDate(1).toLocalDate(),
          "a row's folder is its UTC day: " + r);
    }
  }

  @Test
  void hostsReadBackAsHostsCsv() throws IOException {
    Path out = run(logs(), "out");
    Dataset<Row> hosts = read(out, "hosts");
    assertEquals(Columns.HOSTS, List.of(hosts.columns()));
    List<Map<String, String>> csv = CsvFiles.rows(out.resolve("hosts.csv"));
    assertEquals(2, csv.size(), "flagged: " + csv);
    assertSameRows(
        csv, hosts.collectAsList(), Columns.HOSTS, r -> r.get("host"), r -> r.getAs("host"));
  }

  @Test
  void theSameLogsGiveTheSameRowsInTheSameFolders() throws IOException {
    Path logs = logs();
    Path first = run(logs, "first");
    Path second = run(logs, "second");
    assertEquals(
        folders(first.resolve("parquet/requests")), folders(second.resolve("parquet/requests")));
    for (String table : List.of("requests", "hosts")) {
      assertEquals(sorted(read(first, table)), sorted(read(second, table)), table);
    }
  }

  @Test
  void aMonthWithoutProbesWritesEmptyTables() throws IOException {
    Path logs =
        LogFiles.plain(
            tmp.resolve("quiet/access_log"),
            List.of(line("192.0.2.50", "02/Oct/2025:12:00:01 +0900", "/index.html", "-", "-")));
    Path out = run(logs, "out");
    assertEquals(0, read(out, "hosts").count());
    assertEquals(Columns.HOSTS, List.of(read(out, "hosts").columns()));
    assertEquals(new TreeSet<>(), folders(out.resolve("parquet/requests")), "no day folders");
  }

  private static List<String> sorted(Dataset<Row> table) {
    return table.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Set<String> folders(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      TreeSet<String> names = new TreeSet<>();
      children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
      return names;
    }
  }
}
