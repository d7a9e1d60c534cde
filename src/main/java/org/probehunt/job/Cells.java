package org.probehunt.job;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A row's cells as the report passes' shuffles carry them: written cell by cell, a tag and the
 * value, where Java serialization would write a row's array and every boxed value as objects. On a
 * busy month that took most of the passes' time.
 */
final class Cells implements Externalizable {
  private static final long serialVersionUID = 1L;

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INT = 3;
  private static final byte BOOLEAN = 4;

  private Object[] values;

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

  /** The cells as a row. */
  Row row() {
    return RowFactory.create(values);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeShort(values.length);
    for (Object value : values) {
      if (value == null) {
        out.writeByte(NULL);
      } else if (value instanceof String s) {
        out.writeByte(STRING);
        writeString(out, s);
      } else if (value instanceof Long n) {
        out.writeByte(LONG);
        out.writeLong(n);
      } else if (value instanceof Integer n) {
        out.writeByte(INT);
        out.writeInt(n);
      } else if (value instanceof Boolean b) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      } else {
        throw new IOException("a cell of type " + value.getClass().getName());
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    values = new Object[in.readShort()];
    for (int i = 0; i < values.length; i++) {
      byte tag = in.readByte();
      values[i] =
          switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            default -> throw new IOException("unknown cell tag " + tag);
          };
    }
  }

  /**
   * Writes a string of any length: its UTF-8 bytes' count, then the bytes. ({@link
   * ObjectOutput#writeUTF} stops at 65,535 bytes, and a log line or host may be longer.)
   */
  static void writeString(ObjectOutput out, String s) throws IOException {
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
