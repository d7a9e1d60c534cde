package org.probehunt.notify;

import java.util.List;

/** One line of an AbuseIPDB bulk report: address, category numbers, ISO-8601 date, comment. */
public record AbuseRow(String ip, List<Integer> categories, String reportDate, String comment) {
  public AbuseRow {
    categories = List.copyOf(categories);
  }
}
