package org.probehunt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeWindowTest {
  @ParameterizedTest(name = "{0}..{1} holds {2}: {3}")
  @CsvSource({
    // A date is a day of the log's own clock, whatever its offset.
    "2025-10-01, 2025-10-31, 2025-10-01T00:00:00+09:00, true",
    "2025-10-01, 2025-10-31, 2025-09-30T23:59:59+09:00, false",
    "2025-10-01, 2025-10-31, 2025-10-31T23:59:59-05:00, true",
    "2025-10-01, 2025-10-31, 2025-11-01T00:00:00+00:00, false",
    // A time with an offset is an instant.
    "2025-10-01T09:00:00+09:00, , 2025-10-01T00:00:00Z, true",
    "2025-10-01T09:00:00+09:00, , 2025-09-30T23:59:59Z, false",
    ", 2025-10-01T00:00:00Z, 2025-10-01T08:59:59+09:00, true",
    ", 2025-10-01T00:00:00Z, 2025-10-01T09:00:00+09:00, false",
    ", , 1998-11-23T19:52:17+09:00, true"
  })
  void boundsAreDaysOfTheLogsClockOrInstants(
      String since, String until, String time, boolean inside) {
    assertEquals(inside, TimeWindow.parse(since, until).contains(OffsetDateTime.parse(time)));
  }

  @ParameterizedTest
  @CsvSource({"2025-10-02, 2025-10-01", "2025-10-01T00:00:00Z, 2025-10-01T00:00:00Z"})
  void aWindowThatHoldsNothingIsRefused(String since, String until) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse(since, until));
    assertTrue(e.getMessage().contains("--since " + since), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"2025-13-01, --since", "yesterday, --since", "2025-10-01 09:00, --since"})
  void aBadDateNamesTheOption(String text, String option) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse(text, null));
    assertTrue(e.getMessage().startsWith(option) && e.getMessage().contains(text), e.getMessage());
  }
}
