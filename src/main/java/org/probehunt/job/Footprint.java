package org.probehunt.job;

import org.apache.spark.sql.Row;

/**
 * What the records the passes hold in memory take, in bytes, as a 64-bit JVM with compressed
 * pointers lays them out, for Spark's memory accounting.
 *
 * <p>Spark sizes a buffer or a cached partition by walking a sample of its records, object by
 * object, through reflection, each time it grows by a tenth: on a busy month that walk was a
 * twentieth of a run's time. A record that implements Spark's {@code KnownSizeEstimation} answers
 * for itself instead, with the sums below: what Spark's walk gives for the same strings, boxes and
 * rows, counting each string as the record's own.
 */
final class Footprint {
  /** An object's header and one pointer, rounded: the least an object takes. */
  static final long OBJECT = 16;

  /** A boxed long or double. */
  static final long WIDE_BOX = 24;

  /** A boxed integer or boolean. */
  static final long BOX = 16;

  private Footprint() {}

  /** An array of {@code bytes} bytes of content. */
  static long array(long bytes) {
    return align(16 + bytes);
  }

  /** A string, counted as one byte per character (the compact form most log text takes). */
  static long string(String s) {
    return s == null ? 0 : 24 + array(s.length());
  }

  /** A row of strings, numbers and booleans, with its array of cells. */
  static long row(Row row) {
    long size = OBJECT + array(4L * row.size());
    for (int i = 0; i < row.size(); i++) {
      size += cell(row.get(i));
    }
    return size;
  }

  /** The values of a row's cells. */
  static long cells(Object[] values) {
    long size = array(4L * values.length);
    for (Object value : values) {
      size += cell(value);
    }
    return size;
  }

  private static long cell(Object value) {
    if (value instanceof String s) {
      return string(s);
    }
    if (value == null) {
      return 0;
    }
    return value instanceof Long || value instanceof Double ? WIDE_BOX : BOX;
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
