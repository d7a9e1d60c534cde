package org.probehunt.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.probehunt.input.EntryStatus;
import org.probehunt.pass.EntryTally;

/** The account of every input: the tallies of inputs.csv and their totals. */
record Inputs(
    List<EntryTally> tallies,
    long read,
    long lines,
    long parsed,
    long rejected,
    long other,
    List<EntryTally> damaged) {
  static Inputs of(List<EntryTally> tallies) {
    long read = 0;
    long lines = 0;
    long parsed = 0;
    long rejected = 0;
    long other = 0;
    List<EntryTally> damaged = new ArrayList<>();
    for (EntryTally t : tallies) {
      if (!EntryStatus.SKIPPED.label().equals(t.status())) {
        read++;
      }
      lines += t.lines();
      parsed += t.parsed();
      rejected += t.rejected();
      other += t.other();
      if (isDamage(t.status())) {
        damaged.add(t);
      }
    }
    return new Inputs(
        List.copyOf(tallies), read, lines, parsed, rejected, other, List.copyOf(damaged));
  }

  /** Inputs not read: skipped files, archive members and nested archives. */
  long skipped() {
    return tallies.size() - read;
  }

  private static boolean isDamage(String status) {
    return Arrays.stream(EntryStatus.values())
        .anyMatch(s -> s.label().equals(status) && s.isDamage());
  }

  /** inputs.csv's rows. */
  Iterator<Object[]> rows() {
    return tallies.stream()
        .map(
            t ->
                new Object[] {
                  t.source(),
                  t.compression(),
                  t.container(),
                  t.format(),
                  t.lines(),
                  t.parsed(),
                  t.rejected(),
                  t.status(),
                  t.message(),
                  t.other()
                })
        .iterator();
  }
}
