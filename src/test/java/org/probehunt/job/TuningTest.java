package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's own Spark properties: defaults, numbers in range, and one line for anything else. */
class TuningTest {
  private static Tuning of(Map<String, String> properties, int cores) {
    return Tuning.of(properties::get, cores);
  }

  @Test
  void unsetPropertiesGiveTheDefaultsForTheCores() {
    assertEquals(
        new Tuning(Tuning.DEFAULT_DRIVER_ROWS, 3, 6, Tuning.DEFAULT_KEPT_EVIDENCE),
        of(Map.of(), 3));
    assertEquals(
        new Tuning(Tuning.DEFAULT_DRIVER_ROWS, 1, 2, Tuning.DEFAULT_KEPT_EVIDENCE),
        of(Map.of(), 1));
  }

  @Test
  void setPropertiesAreReadWithTheirBlanksLeftOut() {
    Tuning t =
        of(
            Map.of(
                Tuning.DRIVER_ROWS, "0",
                Tuning.HOST_TASKS, " 7",
                Tuning.DRAFT_TASKS, "100000",
                Tuning.KEPT_EVIDENCE, "4096\t"),
            2);
    assertEquals(new Tuning(0, 7, 100_000, 4096), t);
  }

  @Test
  void eachPropertyOutOfItsRangeIsNamedInOneLine() {
    Map<String, String> refused =
        Map.of(
            Tuning.DRIVER_ROWS, "-1",
            Tuning.HOST_TASKS, "0",
            Tuning.DRAFT_TASKS, "100001",
            Tuning.KEPT_EVIDENCE, "32m");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      TuningException t =
          assertThrows(TuningException.class, () -> of(Map.of(e.getKey(), e.getValue()), 2));
      assertTrue(t.getMessage().contains(e.getKey()), t.getMessage());
      assertTrue(t.getMessage().contains("\"" + e.getValue() + "\""), t.getMessage());
      assertEquals(1, t.getMessage().lines().count(), t.getMessage());
    }
  }

  @Test
  void theMessageGivesTheRangeAndKeepsAnyValueOnOneLine() {
    TuningException tasks =
        assertThrows(TuningException.class, () -> of(Map.of(Tuning.HOST_TASKS, "two"), 2));
    assertEquals(
        "the Spark property spark.probehunt.hostTasks is \"two\"; it takes a whole number from 1"
            + " to 100000",
        tasks.getMessage());
    TuningException rows =
        assertThrows(
            TuningException.class,
            () -> of(Map.of(Tuning.DRIVER_ROWS, "12\r\nrm -rf /" + "9".repeat(60)), 2));
    assertEquals(1, rows.getMessage().lines().count(), rows.getMessage());
    assertTrue(rows.getMessage().contains("12\\x0d\\x0arm -rf /999"), rows.getMessage());
    assertTrue(rows.getMessage().endsWith("...\"; it takes a whole number of at least 0"));
  }

  @Test
  void aNumberTooLargeForItsTypeIsRefusedNotWrapped() {
    assertThrows(
        TuningException.class, () -> of(Map.of(Tuning.KEPT_EVIDENCE, "9223372036854775808"), 2));
    assertThrows(TuningException.class, () -> of(Map.of(Tuning.HOST_TASKS, "4294967297"), 2));
  }
}
