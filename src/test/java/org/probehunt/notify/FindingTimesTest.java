package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FindingTimes read as the reports write them give what the general ISO parser gives, or nothing.
 */
class FindingTimesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-10-01T12:00:05+09:00",
        "1998-11-23T19:52:41-03:30",
        "2025-10-01T00:00:00+00:00",
        "2024-02-29T23:59:59-12:00",
        "2025-10-01T12:00:05Z",
        "2025-10-01T12:00:05.250+09:00",
        " 2025-10-01T12:00:05+09:00 "
      })
  void readsWhatTheIsoParserReads(String text) {
    assertEquals(Optional.of(OffsetDateTime.parse(text.strip())), FindingTimes.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-01T12:00:05+09:00",
        "2025-02-30T12:00:05+09:00",
        "2025-10-01T24:00:05+09:00",
        "2025-10-01T12:00:05+19:00",
        "2025-10-0xT12:00:05+09:00",
        "2025-10-01 12:00:05+09:00",
        "01/Oct/2025:12:00:05 +0900",
        ""
      })
  void refusesWhatIsNoTime(String text) {
    assertEquals(Optional.empty(), FindingTimes.parse(text));
  }
}
