package org.probehunt.job;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.KnownSizeEstimation;

/**
 * A row's cells as the report passes' shuffles carry them: written cell by cell, a tag and the
 * value, where Java serialization would write a row's array and every boxed value as objects. On a
 * busy month that took most of the passes' time.
 *
 * <p>Read back, the cells stay one array of bytes, decoded only for the one who asks. A shuffle's
 * reading side holds a whole partition while it sorts it, and until its task ends; as bytes, a
 * request is one object instead of a score of strings and boxes, which the collector copied from
 * generation to generation.
 */
final class Cells implements Externalizable, KnownSizeEstimation {
  private static final long serialVersionUID = 1L;

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INT = 3;
  private static final byte BOOLEAN = 4;

  /** Each thread's buffer for the bytes of the cells it writes. */
  private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

  private Object[] values; // as made; null when read back
  private byte[] encoded; // as read back

  /** For Java serialization only. */
  public Cells() {}

  private Cells(Object[] values) {
    this.values = values;
  }

  /** The cells of {@code row}: strings, longs, integers, booleans and nulls. */
  static Cells of(Row row) {
    return new Cells(Rows.copy(row, new Object[row.size()]));
  }

  /** One string. */
  static Cells of(String value) {
    return new Cells(new Object[] {value});
  }

  /** Strings, one to a cell, in order. */
  static Cells of(List<String> values) {
    return new Cells(values.toArray());
  }

  /** What the cells take in memory ({@link Footprint}). */
  @Override
  public long estimatedSize() {
    // The object itself: a header and two pointers.
    return 24 + (values != null ? Footprint.cells(values) : Footprint.array(encoded.length));
  }

  /**
   * The cells as a row. Cells read back are decoded for each call and stay bytes: a sort holds
   * every record of its partition until its task ends, and a pass that kept each row it had read
   * would hold its whole partition as strings and boxes by its end.
   */
  Row row() {
    return RowFactory.create(values != null ? values : decode(encoded));
  }

  /**
   * The string in cell {@code column} (null for an empty cell), read without the others when the
   * cells are still bytes.
   */
  String string(int column) {
    if (values != null) {
      return (String) values[column];
    }
    Reader in = new Reader(encoded);
    int count = in.readShort();
    if (column >= count) {
      throw new IndexOutOfBoundsException("cell " + column + " of " + count);
    }
    for (int i = 0; i < column; i++) {
      in.skip();
    }
    return (String) in.value();
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    if (encoded != null) {
      out.writeInt(encoded.length);
      out.write(encoded);
      return;
    }
    Encoder buffer = ENCODERS.get();
    buffer.encode(values);
    out.writeInt(buffer.size());
    buffer.writeTo(out);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    encoded = new byte[in.readInt()];
    in.readFully(encoded);
  }

  /** The cells {@link Encoder#encode} wrote. */
  private static Object[] decode(byte[] bytes) {
    Reader in = new Reader(bytes);
    Object[] cells = new Object[in.readShort()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = in.value();
    }
    return cells;
  }

  /** A reusable buffer that encodes cells: their count, then each cell's tag and value. */
  private static final class Encoder extends ByteArrayOutputStream {
    private final DataOutputStream data = new DataOutputStream(this);

    Encoder() {
      super(1 << 10);
    }

    void encode(Object[] values) throws IOException {
      reset();
      data.writeShort(values.length);
      for (Object value : values) {
        if (value == null) {
          data.writeByte(NULL);
        } else if (value instanceof String s) {
          data.writeByte(STRING);
          writeString(data, s);
        } else if (value instanceof Long n) {
          data.writeByte(LONG);
          data.writeLong(n);
        } else if (value instanceof Integer n) {
          data.writeByte(INT);
          data.writeInt(n);
        } else if (value instanceof Boolean b) {
          data.writeByte(BOOLEAN);
          data.writeBoolean(b);
        } else {
          throw new IOException("a cell of type " + value.getClass().getName());
        }
      }
    }

    void writeTo(ObjectOutput out) throws IOException {
      out.write(buf, 0, count);
    }
  }

  /** Reads encoded cells in order (big-endian, as {@link DataOutputStream} wrote them). */
  private static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int readShort() {
      return (short) ((bytes[at++] & 0xff) << 8 | (bytes[at++] & 0xff));
    }

    int readInt() {
      int n = 0;
      for (int i = 0; i < 4; i++) {
        n = n << 8 | (bytes[at++] & 0xff);
      }
      return n;
    }

    long readLong() {
      long n = 0;
      for (int i = 0; i < 8; i++) {
        n = n << 8 | (bytes[at++] & 0xff);
      }
      return n;
    }

    /** The next cell's value. */
    Object value() {
      byte tag = bytes[at++];
      return switch (tag) {
        case NULL -> null;
        case STRING -> {
          int length = readInt();
          String s = new String(bytes, at, length, StandardCharsets.UTF_8);
          at += length;
          yield s;
        }
        case LONG -> readLong();
        case INT -> readInt();
        case BOOLEAN -> bytes[at++] != 0;
        default -> throw new UncheckedIOException(new IOException("unknown cell tag " + tag));
      };
    }

    /** Passes over the next cell. */
    void skip() {
      byte tag = bytes[at++];
      switch (tag) {
        case NULL -> {}
        case STRING -> {
          int length = readInt();
          at += length;
        }
        case LONG -> at += 8;
        case INT -> at += 4;
        case BOOLEAN -> at += 1;
        default -> throw new UncheckedIOException(new IOException("unknown cell tag " + tag));
      }
    }
  }

  /**
   * Writes a string of any length: its UTF-8 bytes' count, then the bytes. ({@link
   * ObjectOutput#writeUTF} stops at 65,535 bytes, and a log line or host may be longer.)
   */
  static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads a string that {@link #writeString} wrote. */
  static String readString(ObjectInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
