package org.probehunt.job;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.util.KnownSizeEstimation;

/**
 * Where a record goes in the report passes' sorted shuffles: its group (a host in the host pass, a
 * contact in the contact pass), its host, then a head record before the host's requests (kind 0,
 * then 1), and the requests in the order of requests.csv: time, then source and line. Records are
 * placed in partitions by group alone ({@link GroupRanges}), so each group is one task's whole.
 * Written field by field, as {@link Cells} are.
 */
final class SortKey implements Externalizable, KnownSizeEstimation {
  private static final long serialVersionUID = 1L;

  /** A group's host's head record: the flagged host, or its row of the host table. */
  static final int HEAD = 0;

  /** One of the host's requests. */
  static final int REQUEST = 1;

  /** Groups, hosts and sources by their UTF-8 bytes; nulls first, as Spark's ascending sorts. */
  static final Comparator<SortKey> ORDER = new Order();

  private String group;
  private String host;
  private int kind;
  private long epoch;
  private String source;
  private long lineNo;

  /** For Java serialization only. */
  public SortKey() {}

  private SortKey(String group, String host, int kind, long epoch, String source, long lineNo) {
    this.group = group;
    this.host = host;
    this.kind = kind;
    this.epoch = epoch;
    this.source = source;
    this.lineNo = lineNo;
  }

  /** The head key of {@code host} in {@code group}. */
  static SortKey head(String group, String host) {
    return new SortKey(group, host, HEAD, Long.MIN_VALUE, null, Long.MIN_VALUE);
  }

  /** The key of a request row ({@link Rows#REQUESTS}) of {@code host} in {@code group}. */
  static SortKey request(String group, Row request) {
    return new SortKey(
        group,
        request.getString(Rows.HOST),
        REQUEST,
        request.getLong(Rows.EPOCH),
        request.getString(Rows.SOURCE),
        // A line number read back from an edited requests.csv may be missing: first, like null.
        request.isNullAt(Rows.LINE_NO) ? Long.MIN_VALUE : request.getLong(Rows.LINE_NO));
  }

  /** The same key in {@code group}. */
  SortKey inGroup(String group) {
    return new SortKey(group, host, kind, epoch, source, lineNo);
  }

  String group() {
    return group;
  }

  String host() {
    return host;
  }

  int kind() {
    return kind;
  }

  /** The file or archive member of a request's line; null for a head. */
  String source() {
    return source;
  }

  /** What the key takes in memory ({@link Footprint}). */
  @Override
  public long estimatedSize() {
    // A header, three pointers, an int and two longs; a host that is the group is one string, as
    // the host pass makes its keys and as any key is read back.
    return 48
        + Footprint.string(group)
        + (Objects.equals(host, group) ? 0 : Footprint.string(host))
        + Footprint.string(source);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    Cells.writeString(out, group);
    // In the host pass a key's group is its host: written once, read back as one string.
    boolean hostIsGroup = host.equals(group);
    out.writeBoolean(hostIsGroup);
    if (!hostIsGroup) {
      Cells.writeString(out, host);
    }
    out.writeByte(kind);
    out.writeLong(epoch);
    out.writeBoolean(source != null);
    if (source != null) {
      Cells.writeString(out, source);
    }
    out.writeLong(lineNo);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    ReadStrings strings = READ_STRINGS.get();
    group = strings.shared(Cells.readString(in));
    host = in.readBoolean() ? group : strings.shared(Cells.readString(in));
    kind = in.readByte();
    epoch = in.readLong();
    source = in.readBoolean() ? strings.shared(Cells.readString(in)) : null;
    lineNo = in.readLong();
  }

  private static final ThreadLocal<ReadStrings> READ_STRINGS =
      ThreadLocal.withInitial(ReadStrings::new);

  /**
   * The strings a thread's keys share as it reads them. A sort holds every key of its partition
   * until its task ends, so each string a key shares instead of holding its own is one the
   * collector need not copy: a host, its contact and a file's name recur in many keys.
   */
  private static final class ReadStrings {
    /** Characters kept at most; past it the strings are let go and gathered anew. */
    private static final int CHARS = 1 << 20;

    private final Map<String, String> strings = new HashMap<>();
    private int chars;

    /** {@code text} as the first key that read it holds it. */
    String shared(String text) {
      String known = strings.get(text);
      if (known != null) {
        return known;
      }
      chars += text.length();
      if (chars > CHARS) {
        strings.clear();
        chars = text.length();
      }
      strings.put(text, text);
      return text;
    }
  }

  private static final class Order implements Comparator<SortKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(SortKey a, SortKey b) {
      int c = Utf8Order.STRINGS.compare(a.group, b.group);
      if (c == 0) {
        c = Utf8Order.STRINGS.compare(a.host, b.host);
      }
      if (c == 0) {
        c = Integer.compare(a.kind, b.kind);
      }
      if (c == 0) {
        c = Long.compare(a.epoch, b.epoch);
      }
      if (c == 0) {
        c = Utf8Order.NULLS_FIRST.compare(a.source, b.source);
      }
      return c != 0 ? c : Long.compare(a.lineNo, b.lineNo);
    }
  }
}
