package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpslReaderTest {
  private static final String TWO_OBJECTS =
      """
      % This is a header comment
      #
      # The contents of this file are subject to
      # RIPE Database Terms and Conditions

      Inetnum:        192.0.2.0 - 192.0.2.255\r
      NetName:        EXAMPLE-NET # a trailing comment\r
      descr:          Example network
                      spanning lines
      \tafter a tab
      +
      +               and a plus # with a comment
      remarks:        # only a comment
      abuse-c:        AR1-TEST
      source:         RIPE # Filtered



      role:           Example Abuse Desk
      abuse-mailbox:  abuse@example.net
      nic-hdl:        AR1-TEST
      """;

  private static List<RpslObject> read(byte[] bytes) throws IOException {
    try (RpslReader reader = new RpslReader(new ByteArrayInputStream(bytes))) {
      List<RpslObject> objects = new ArrayList<>();
      reader.forEachRemaining(objects::add);
      return objects;
    }
  }

  private static List<RpslObject> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsObjectsBetweenBlankLinesSkippingComments() throws IOException {
    List<RpslObject> objects = read(TWO_OBJECTS);
    assertEquals(2, objects.size(), objects::toString);
    RpslObject net = objects.get(0);
    assertEquals("inetnum", net.type());
    assertEquals("192.0.2.0 - 192.0.2.255", net.key());
    assertEquals(Optional.of("EXAMPLE-NET"), net.first("netname"), "names lower-cased, CR gone");
    assertEquals(Optional.of("RIPE"), net.first("source"));
    assertEquals(Optional.of(""), net.first("remarks"), "a value that is only a comment");
    assertEquals(
        List.of("inetnum", "netname", "descr", "remarks", "abuse-c", "source"),
        net.attributes().stream().map(RpslObject.Attribute::name).toList());
    RpslObject role = objects.get(1);
    assertEquals("role", role.type());
    assertEquals(List.of("AR1-TEST"), role.all("nic-hdl"));
    assertEquals(Optional.empty(), role.first("e-mail"));
  }

  @Test
  void joinsContinuationLinesWithOneSpace() throws IOException {
    assertEquals(
        Optional.of("Example network spanning lines after a tab and a plus"),
        read(TWO_OBJECTS).get(0).first("descr"));
  }

  @Test
  void skipsAndCountsJunkLines() throws IOException {
    String text =
        """
          continuation before any attribute
        no colon here
        :no name
        1st: a name must start with a letter
        bad name: spaces are not allowed in names
        mntner:         EXAMPLE-MNT
        (junk inside an object)
        mnt-by:         EXAMPLE-MNT
        """;
    try (RpslReader reader =
        new RpslReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      RpslObject object = reader.next();
      assertEquals(
          List.of("mntner", "mnt-by"),
          object.attributes().stream().map(RpslObject.Attribute::name).toList());
      assertFalse(reader.hasNext());
      assertEquals(6, reader.skippedLines(), "junk lines counted");
      assertEquals(8, reader.lines());
    }
  }

  @Test
  void lowerCasesNamesWhateverTheirSpelling() throws IOException {
    List<RpslObject> objects =
        read(
            "ABUSE-C: A\nabuse_c: B\nAbuse-C: C\nabuse-c: D\n"
                + "x-Y_z9: E\nX-y_Z9: F\n\nAbuse-C: G");
    assertEquals(
        List.of("abuse-c", "abuse_c", "abuse-c", "abuse-c", "x-y_z9", "x-y_z9"),
        objects.get(0).attributes().stream().map(RpslObject.Attribute::name).toList());
    assertEquals(List.of("A", "C", "D"), objects.get(0).all("abuse-c"));
    assertEquals("abuse-c", objects.get(1).type());
  }

  @Test
  void aWhitespaceOnlyLineEndsAnObjectAndTheLastNeedsNoNewline() throws IOException {
    List<RpslObject> objects = read("person: A\nnic-hdl: A1-TEST\n   \t\nperson: B\nnic-hdl: B1");
    assertEquals(List.of("A", "B"), objects.stream().map(RpslObject::key).toList());
    assertEquals(Optional.of("B1"), objects.get(1).first("nic-hdl"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n\n", "% only\n# comments\n", "%\n\n#\n\n"})
  void findsNothingInEmptyOrCommentOnlyInput(String text) throws IOException {
    try (RpslReader reader =
        new RpslReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      assertFalse(reader.hasNext(), () -> "objects in '" + text + "'");
      assertThrows(NoSuchElementException.class, reader::next);
    }
  }

  @Test
  void decodesEachLineAsUtf8WhenValidElseLatin1() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("inetnum: 192.0.2/26\nowner: Red Acad".getBytes(StandardCharsets.US_ASCII));
    bytes.write(0xe9); // é in ISO-8859-1, invalid as UTF-8
    bytes.writeBytes("mica\norg-name: Ex\u00e4mple GmbH\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("descr: caf\u00e9 # ".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xff); // makes the whole line Latin-1, though the value alone is valid UTF-8
    RpslObject object = read(bytes.toByteArray()).get(0);
    assertEquals(Optional.of("Red Acad\u00e9mica"), object.first("owner"));
    assertEquals(Optional.of("Ex\u00e4mple GmbH"), object.first("org-name"));
    assertEquals(Optional.of("caf\u00c3\u00a9"), object.first("descr"));
  }

  @Test
  void cutsLinesLongerThan64KibAndReadsOn() throws IOException {
    String prefix = "remarks:        ";
    String text = "aut-num: AS64496\n" + prefix + "x".repeat(70_000) + "\nas-name: EXAMPLE\n";
    try (RpslReader reader =
        new RpslReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      RpslObject object = reader.next();
      assertEquals(
          DumpLines.MAX_LINE_BYTES - prefix.length(),
          object.first("remarks").orElseThrow().length(),
          "value cut at the line limit");
      assertEquals(Optional.of("EXAMPLE"), object.first("as-name"), "the next line is intact");
      assertEquals(1, reader.cutLines());
      assertEquals(3, reader.lines());
    }
  }

  @Test
  void capsAttributesPerObject() throws IOException {
    StringBuilder text = new StringBuilder("as-set: AS-EXAMPLE\n");
    for (int i = 1; i < RpslReader.MAX_ATTRIBUTES + 5; i++) {
      text.append("members: AS").append(64496 + i % 16).append('\n');
    }
    text.append("\naut-num: AS64496\n");
    try (RpslReader reader =
        new RpslReader(
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)))) {
      assertEquals(RpslReader.MAX_ATTRIBUTES, reader.next().attributes().size());
      assertEquals("AS64496", reader.next().key(), "the next object is intact");
      assertEquals(5, reader.cutLines());
    }
  }

  @Test
  void readsTheSameWhateverTheStreamHandsOverPerRead() throws IOException {
    byte[] bytes =
        (TWO_OBJECTS.repeat(50) + "\nremarks: " + "y".repeat(100_000) + "\n\n" + TWO_OBJECTS)
            .getBytes(StandardCharsets.UTF_8);
    List<RpslObject> whole = read(bytes);
    Random random = new Random(19981123L);
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(9000)));
          }
        };
    try (RpslReader reader = new RpslReader(trickle)) {
      List<RpslObject> trickled = new ArrayList<>();
      reader.forEachRemaining(trickled::add);
      assertEquals(103, trickled.size());
      assertTrue(whole.equals(trickled), "same objects however the bytes arrive");
    }
  }

  @Test
  void neverThrowsOnRandomBytes() throws IOException {
    Random random = new Random(7L);
    for (int round = 0; round < 20; round++) {
      byte[] junk = new byte[200_000];
      random.nextBytes(junk);
      for (int i = 0; i < junk.length; i += 1 + random.nextInt(80)) {
        junk[i] = (byte) "\n:# +%\t\rab".charAt(random.nextInt(10));
      }
      try (RpslReader reader = new RpslReader(new ByteArrayInputStream(junk))) {
        long attributes = 0;
        while (reader.hasNext()) {
          attributes += reader.next().attributes().size();
        }
        assertTrue(
            attributes + reader.skippedLines() <= reader.lines(),
            "every line is at most one attribute or one junk line");
      }
    }
  }
}
