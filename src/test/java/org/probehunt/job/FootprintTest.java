package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.KnownSizeEstimation;
import org.apache.spark.util.SizeEstimator;
import org.junit.jupiter.api.Test;

/**
 * The sizes the report passes' records give Spark for its memory accounting: Spark must take them
 * instead of walking the records, and they must be what its walk gives for the same values.
 */
class FootprintTest {
  private static final Row REQUEST =
      RowFactory.create(
          "192.0.2.7",
          1_759_276_800L,
          "GET /cgi-bin/phf?Qalias=x HTTP/1.0",
          404,
          null,
          true,
          "Mozilla/5.0 (compatible; scanner)",
          "");

  @Test
  void stringsAndRowsWeighWhatSparksWalkGives() {
    for (String s : List.of("", "a", "12345678", "192.0.2.7", "x".repeat(61))) {
      assertEquals(SizeEstimator.estimate(new String(s)), Footprint.string(s), s);
    }
    assertEquals(SizeEstimator.estimate(REQUEST), Footprint.row(REQUEST));
    Object[] values = values(REQUEST);
    assertEquals(SizeEstimator.estimate(values), Footprint.cells(values));
  }

  @Test
  void sparkTakesTheRecordsOwnSize() throws Exception {
    Cells made = Cells.of(REQUEST);
    Cells read = SortedPassesTest.roundTrip(made);
    // A contact in Japanese: its string is in two bytes a character, which Spark's walk counts
    // and the key's own size does not, so the two tell apart which one Spark took.
    String contact = "\u7a93\u53e3@example.jp";
    SortKey key =
        SortKey.request(
            contact,
            SortedPassesTest.request("192.0.2.7", 1_759_276_800L, "access_log-0001.gz", 42));
    long walked =
        48
            + SizeEstimator.estimate(contact)
            + SizeEstimator.estimate("192.0.2.7")
            + SizeEstimator.estimate("access_log-0001.gz");
    assertTrue(key.estimatedSize() < walked, key.estimatedSize() + " against " + walked);
    HostPass.HostOut host = new HostPass.HostOut(REQUEST);
    for (KnownSizeEstimation record : List.of(made, read, key, host)) {
      assertEquals(
          record.estimatedSize(),
          SizeEstimator.estimate(record),
          record.getClass().getSimpleName());
    }
    // Made, the cells are their row's values; read back, one array of bytes, which weighs less,
    // and stays so when the row is asked for (a sort holds the record to its task's end).
    assertEquals(24 + SizeEstimator.estimate(values(REQUEST)), made.estimatedSize());
    long asBytes = read.estimatedSize();
    assertTrue(asBytes < made.estimatedSize(), asBytes + " against " + made.estimatedSize());
    assertEquals(REQUEST, read.row());
    assertEquals(asBytes, read.estimatedSize());
    assertEquals(asBytes, SizeEstimator.estimate(read));
  }

  private static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return values;
  }
}
