package org.probehunt.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The contact pass's records of the hosts to draft, one host after another: its row of the host
 * table under its contact, then its requests' lines in records of up to {@link #CHUNK_LINES} lines
 * or {@link #CHUNK_CHARS} characters (one longer line still fits), each keyed by its first line, so
 * that the pass's sort keeps them in order. Fewer records to write, read and sort than one a line,
 * and a host with millions of lines still comes in pieces of a bounded size.
 */
final class EvidenceRecords {
  static final int CHUNK_LINES = 64;

  /** The characters of lines a record takes before it is closed. */
  static final int CHUNK_CHARS = 32 << 10;

  private final Consumer<Tuple2<SortKey, Cells>> out;
  private SortKey first; // the key of the first line in the record being filled
  private final List<String> lines = new ArrayList<>();
  private long chars;

  /** Records given to {@code out} as they are made. */
  EvidenceRecords(Consumer<Tuple2<SortKey, Cells>> out) {
    this.out = out;
  }

  /** Starts {@code host}'s records, under {@code contact}, with {@code row}, its host table row. */
  void head(String contact, String host, Row row) {
    end();
    out.accept(new Tuple2<>(SortKey.head(contact, host), Cells.of(row)));
  }

  /** Adds the line of the current host's request keyed {@code key}, under {@code contact}. */
  void line(SortKey key, String contact, String line) {
    if (first != null && (lines.size() == CHUNK_LINES || chars >= CHUNK_CHARS)) {
      end();
    }
    if (first == null) {
      first = key.inGroup(contact);
    }
    lines.add(line);
    chars += line == null ? 0 : line.length();
  }

  /** Gives the record being filled, if any. */
  void end() {
    if (first != null) {
      out.accept(new Tuple2<>(first, Cells.of(lines)));
      first = null;
      lines.clear();
      chars = 0;
    }
  }
}
