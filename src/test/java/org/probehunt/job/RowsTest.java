package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of a joined column read back as they were joined. */
class RowsTest {
  @Test
  void partsAreWhatStringSplitGives() throws IOException {
    assertEquals(List.of(), Rows.parts(null));
    assertEquals(List.of(), Rows.parts(""));
    for (String joined :
        new String[] {";", ";;", "a", "a;b", "a;;b", ";a", "a;", "a;;", ";a;", "scan;web-app;"}) {
      List<String> parts = Rows.parts(joined);
      assertEquals(Arrays.asList(joined.split(";")), parts, joined);
      // The parts travel in Spark's records: they must serialize.
      try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
        out.writeObject(parts);
      }
    }
  }
}
