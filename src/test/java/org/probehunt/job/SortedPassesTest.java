package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.probehunt.testing.SparkTestSession;

/**
 * The parts the report passes sort with: their string order must be Spark's, their ranges must keep
 * the table in order across tasks, and their records must come back from the shuffle whole.
 */
class SortedPassesTest {
  /** Strings from across Unicode: ASCII, Latin-1, CJK, the private use area and astral planes. */
  private static List<String> strings() {
    Random random = new Random(19981123);
    int[] points = {'a', 'Z', '0', 0xE9, 0x65E5, 0xE000, 0xFFFD, 0x1F600, 0x20000, 0x10FFFD};
    List<String> all = new ArrayList<>(List.of("", "a", "ab", "b"));
    for (int i = 0; i < 400; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(4); n >= 0; n--) {
        s.appendCodePoint(points[random.nextInt(points.length)]);
      }
      all.add(s.toString());
    }
    return all;
  }

  @Test
  void stringsSortAsSparkSortsThem() {
    List<String> strings = strings();
    SparkSession spark = SparkTestSession.get();
    List<String> bySpark =
        spark
            .createDataset(strings, Encoders.STRING())
            .coalesce(1)
            .sortWithinPartitions("value")
            .collectAsList();
    List<String> byPass = new ArrayList<>(strings);
    byPass.sort(Utf8Order.STRINGS);
    assertEquals(bySpark, byPass);
    List<String> byJava = new ArrayList<>(strings);
    byJava.sort(null);
    assertTrue(!byJava.equals(byPass), "the strings tell the two orders apart");
  }

  @Test
  void rangesKeepGroupsInOrderAcrossPartitions() {
    List<String> groups = new ArrayList<>(strings().stream().distinct().toList());
    groups.sort(Utf8Order.STRINGS);
    for (int partitions : new int[] {1, 2, 3, 7, 1000}) {
      GroupRanges ranges = GroupRanges.of(groups, partitions);
      assertEquals(Math.min(partitions, groups.size()), ranges.numPartitions());
      int last = 0;
      for (String group : groups) {
        int at = ranges.getPartition(SortKey.head(group, group));
        assertTrue(at >= last && at < ranges.numPartitions(), group + " in " + at);
        last = at;
      }
      assertEquals(ranges.numPartitions() - 1, last, "every partition gets groups");
    }
    // A group the ranges were not cut from still lands in order.
    GroupRanges two = GroupRanges.of(List.of("b", "d"), 2);
    assertEquals(0, two.getPartition(SortKey.head("a", "x")));
    assertEquals(1, two.getPartition(SortKey.head("e", "x")));
    assertEquals(1, GroupRanges.of(List.of(), 4).numPartitions());
  }

  @Test
  void aRequestFollowsItsHostsHeadInTimeSourceAndLineOrder() {
    Row early = request("h", 100, "b.log", 7);
    Row sameSecond = request("h", 100, "b.log", 9);
    Row otherSource = request("h", 100, "c.log", 1);
    Row late = request("h", 200, "a.log", 1);
    Row noLine = request("h", 100, null, 0);
    SortKey a = SortKey.head("g", "a");
    SortKey head = SortKey.head("g", "h");
    SortKey first = SortKey.request("g", noLine);
    SortKey second = SortKey.request("g", early);
    SortKey third = SortKey.request("g", sameSecond);
    SortKey fourth = SortKey.request("g", otherSource);
    SortKey fifth = SortKey.request("g", late);
    SortKey otherGroup = SortKey.head("a", "z");
    List<SortKey> keys =
        new ArrayList<>(List.of(fifth, fourth, head, third, second, first, a, otherGroup));
    keys.sort(SortKey.ORDER);
    // Keys are equal only to themselves: the list holds the very keys, in order.
    assertEquals(List.of(otherGroup, a, head, first, second, third, fourth, fifth), keys);
  }

  @Test
  void cellsAndKeysComeBackWholeFromJavaSerialization() throws Exception {
    String longLine = "x".repeat(70_000) + "\u65E5\uD83D\uDE00";
    Row row = RowFactory.create("h", null, 404, 12L, true, longLine, "");
    SortKey key = SortKey.request(longLine, request(longLine, 5, null, 3));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(Cells.of(row));
      out.writeObject(key);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Row back = ((Cells) in.readObject()).row();
      SortKey keyBack = (SortKey) in.readObject();
      assertEquals(row, back);
      assertNull(back.get(1));
      assertEquals(0, SortKey.ORDER.compare(key, keyBack));
      assertEquals(longLine, keyBack.group());
    }
  }

  @Test
  void keysReadBackShareTheStringsTheyRepeat() throws Exception {
    String host = "192.0.2.7";
    List<SortKey> keys =
        List.of(
            SortKey.head(host, host),
            SortKey.request(host, request(host, 100, "file:/logs/access_log-0001.gz", 7)),
            SortKey.request(host, request(host, 101, "file:/logs/access_log-0001.gz", 8)),
            SortKey.request(host, request(host, 102, "file:/logs/access_log-0002.gz", 1)),
            SortKey.request("net_192-0-2-0_24", request(host, 103, null, 2)),
            SortKey.request(host, request(host, 104, "file:/logs/access_log-0001.gz", 9)));
    List<SortKey> back = roundTrip(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(0, SortKey.ORDER.compare(keys.get(i), back.get(i)), "key " + i);
      assertEquals(keys.get(i).host(), back.get(i).host());
      assertEquals(keys.get(i).source(), back.get(i).source());
    }
    // A host-pass key's host is its group: one string, which the host's other keys share.
    assertSame(back.get(1).group(), back.get(1).host());
    assertSame(back.get(0).host(), back.get(3).host());
    assertSame(back.get(0).host(), back.get(4).host());
    // A contact-pass key keeps its own host.
    assertEquals("net_192-0-2-0_24", back.get(4).group());
    assertNull(back.get(4).source());
    // Keys of one file share its name, read one after another or not; another file's is its own.
    assertSame(back.get(1).source(), back.get(2).source());
    assertNotSame(back.get(2).source(), back.get(3).source());
    assertSame(back.get(1).source(), back.get(5).source());
  }

  @Test
  void keysWithLongNamesComeBackWhole() throws Exception {
    // More characters than a reading thread keeps of the names it shares: each comes back whole.
    List<SortKey> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String host = "h" + i + "-".repeat(400_000);
      keys.add(SortKey.request(host, request(host, i, "a.log", i)));
      keys.add(SortKey.request("contact", request(host, i, "a.log", i)));
    }
    List<SortKey> back = roundTrip(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(keys.get(i).group(), back.get(i).group());
      assertEquals(keys.get(i).host(), back.get(i).host());
      assertEquals(0, SortKey.ORDER.compare(keys.get(i), back.get(i)));
    }
  }

  @Test
  void cellsReadBackGiveOneCellOrAllAndPassOnUnchanged() throws Exception {
    String longLine = "y".repeat(70_000) + "\u00E9\uD83D\uDE00";
    Row row = RowFactory.create(null, "h", Long.MIN_VALUE, -7, false, longLine, "", "last");
    Cells once = roundTrip(Cells.of(row));
    // One cell is read from the bytes without the others, as often as asked.
    assertEquals("h", once.string(1));
    assertEquals(longLine, once.string(5));
    assertEquals("", once.string(6));
    assertEquals("last", once.string(7));
    assertNull(once.string(0));
    // Written again before they were decoded, the cells are the same bytes.
    Cells twice = roundTrip(once);
    assertEquals(row, twice.row());
    assertEquals(row, once.row());
    assertEquals("last", once.string(7), "read again after the row");
    // A key moved to another group keeps its place among its host's keys.
    SortKey early = SortKey.request("g", request("h", 100, "b.log", 7));
    SortKey late = SortKey.request("g", request("h", 100, "b.log", 9));
    assertEquals("other", early.inGroup("other").group());
    assertTrue(SortKey.ORDER.compare(early.inGroup("other"), late.inGroup("other")) < 0);
    assertEquals(0, SortKey.ORDER.compare(early.inGroup("g"), early));
  }

  /** {@code cells} written and read back with Java serialization, as a shuffle carries them. */
  static Cells roundTrip(Cells cells) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(cells);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Cells) in.readObject();
    }
  }

  /** {@code keys} written to one stream and read back, as a shuffle carries a partition's. */
  private static List<SortKey> roundTrip(List<SortKey> keys) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (SortKey k : keys) {
        out.writeObject(k);
      }
    }
    List<SortKey> back = new ArrayList<>();
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (int i = 0; i < keys.size(); i++) {
        back.add((SortKey) in.readObject());
      }
    }
    return back;
  }

  /** A request row with the fields the sort reads; the others empty. */
  static Row request(String host, long epoch, String source, long lineNo) {
    Object[] cells = new Object[Rows.REQUESTS.size()];
    cells[Rows.HOST] = host;
    cells[Rows.EPOCH] = epoch;
    cells[Rows.SOURCE] = source;
    cells[Rows.LINE_NO] = lineNo;
    return RowFactory.create(cells);
  }
}
