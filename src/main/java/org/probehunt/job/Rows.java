package org.probehunt.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probehunt.parse.Request;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.RejectedLine;
import org.probehunt.report.Columns;
import org.probehunt.report.Texts;
import org.probehunt.report.Times;

/** The Spark schemas of the job's tables, and the conversion of scan events into rows. */
final class Rows {
  /** requests.csv's columns, then what sorting and aggregation need. */
  static final StructType REQUESTS =
      schema(
              Columns.REQUESTS,
              new DataType[] {
                StringType, StringType, StringType, StringType, StringType, IntegerType, LongType,
                StringType, StringType, BooleanType, StringType, StringType, LongType, StringType,
                StringType
              })
          .add("epoch", LongType, false)
          .add("categories", StringType, true);

  /** Positions in {@link #REQUESTS}' rows. */
  static final int HOST = 0;

  static final int TIME = 1;
  static final int PATH = 3;
  static final int USER_AGENT = 8;
  static final int PROBE = 9;
  static final int RULE = 10;
  static final int SOURCE = 11;
  static final int LINE_NO = 12;
  static final int LINE = 13;
  static final int EPOCH = 15;
  static final int CATEGORIES = 16;

  static final StructType REJECTS =
      schema(Columns.REJECTS, new DataType[] {StringType, LongType, StringType, StringType});

  static final StructType HOSTS = new StructType().add("host", StringType, false);

  /** The flagged hosts as the first pass's aggregation gives them (rules joined by ';'). */
  static final StructType FLAGGED =
      new StructType()
          .add("host", StringType, false)
          .add("probes", LongType, false)
          .add("rules", StringType, true)
          .add("categories", StringType, true);

  private Rows() {}

  /** The values of a column that holds them joined by ';' (rules, categories, addresses). */
  static List<String> parts(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    List<String> parts = Texts.split(joined, ';');
    // As String.split without a limit: empty values at the end are dropped.
    int n = parts.size();
    while (n > 0 && parts.get(n - 1).isEmpty()) {
      n--;
    }
    return n == parts.size() ? parts : new ArrayList<>(parts.subList(0, n));
  }

  /** Fills {@code cells} with the first {@code cells.length} values of {@code row}; returns it. */
  static Object[] copy(Row row, Object[] cells) {
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.get(i);
    }
    return cells;
  }

  static Row request(LoggedRequest hit) {
    Request r = hit.request();
    boolean probe = hit.detection().probe();
    return RowFactory.create(
        r.host(),
        Times.iso(r.time()),
        r.method(),
        r.target(),
        r.protocol(),
        r.status(),
        r.bytes(),
        r.referer(),
        r.userAgent(),
        probe,
        probe ? String.join(";", hit.detection().ruleIds()) : null,
        hit.source(),
        hit.lineNo(),
        hit.line(),
        r.proxy(),
        r.time().toEpochSecond(),
        probe ? String.join(";", hit.detection().categories()) : null);
  }

  static Row reject(RejectedLine reject) {
    return RowFactory.create(reject.source(), reject.lineNo(), reject.reason(), reject.line());
  }

  private static StructType schema(java.util.List<String> names, DataType[] types) {
    StructField[] fields = new StructField[names.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new StructField(names.get(i), types[i], true, Metadata.empty());
    }
    return new StructType(fields);
  }
}
