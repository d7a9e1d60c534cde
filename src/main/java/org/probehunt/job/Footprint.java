package org.probehunt.job;

import java.util.List;
import org.apache.spark.sql.Row;
import org.probehunt.detect.Detection;
import org.probehunt.parse.Forwarding;
import org.probehunt.parse.Request;
import org.probehunt.pass.EntryClients;
import org.probehunt.pass.EntryTally;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassEvent;
import org.probehunt.pass.RejectedLine;

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

  /**
   * A logged time: an {@code OffsetDateTime} and the date-time, date and time it is made of, 24
   * bytes each (its offset is one shared object per offset).
   */
  static final long TIME = 4 * 24;

  private Footprint() {}

  /**
   * An event of the first pass. What events of one file share (the file's name, the time offset,
   * the rules' names, {@link Detection#NONE}, small boxed numbers) is not counted: Spark's walk
   * counts it once for the many events it samples.
   */
  static long event(PassEvent event) {
    if (event instanceof LoggedRequest r) {
      return 40 // a header, a long and four pointers
          + string(r.line())
          + request(r.request())
          + detection(r.detection());
    }
    if (event instanceof RejectedLine r) {
      return 32 + string(r.line()) + string(r.reason());
    }
    if (event instanceof EntryClients c) {
      return 32 // a header and four pointers
          + string(c.path())
          + array(8L * c.clientCount())
          + array(8L * c.wholeHosts().size())
          + strings(c.wholeHosts());
    }
    EntryTally t = (EntryTally) event;
    return 72 // a header, four longs and six pointers
        + string(t.compression())
        + string(t.container())
        + string(t.format())
        + string(t.status())
        + string(t.message());
  }

  /** A parsed request with its strings, boxes and time. */
  private static long request(Request r) {
    if (r == null) {
      return 0;
    }
    long size =
        80 // a header and sixteen pointers
            + string(r.vhost())
            + string(r.host())
            + string(r.user())
            + string(r.method())
            + string(r.target())
            + string(r.protocol())
            + string(r.referer())
            + string(r.userAgent())
            + string(r.requestLine())
            + string(r.proxy())
            + (r.port() == null ? 0 : BOX)
            + (r.bytes() == null ? 0 : WIDE_BOX)
            + (r.time() == null ? 0 : TIME)
            + (r.extras().isEmpty() ? 0 : list(r.extras()));
    Forwarding f = r.forwarding();
    if (f != null) {
      size += 24 + string(f.forwardedFor()) + string(f.realIp()) + string(f.forwarded());
    }
    return size;
  }

  private static long detection(Detection d) {
    // An ordinary request's is the one shared Detection.NONE. A probe's has its two lists, of the
    // rule set's own strings.
    return d.ruleIds().isEmpty()
        ? 0
        : 24 + 2 * OBJECT + array(4L * (d.ruleIds().size() + d.categories().size()));
  }

  private static long list(List<String> strings) {
    return OBJECT + array(4L * strings.size()) + strings(strings);
  }

  private static long strings(Iterable<String> strings) {
    long size = 0;
    for (String s : strings) {
      size += string(s);
    }
    return size;
  }

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
