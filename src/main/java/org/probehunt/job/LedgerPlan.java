package org.probehunt.job;

import org.probehunt.report.Ledger;

/**
 * The ledger of what was reported (--ledger), or none.
 *
 * @param path the ledger file, or a folder that holds it as {@code ledger.csv}; null for none
 * @param quietDays how many days before a report's period a probe is still covered by it
 * @param record whether this command adds what it drafted to the ledger
 * @param reports what the ledger held when the command started
 */
public record LedgerPlan(String path, int quietDays, boolean record, Ledger reports) {
  /** No ledger: every host is new, nothing is recorded. */
  public static final LedgerPlan NONE = new LedgerPlan(null, 30, false, Ledger.empty());

  public LedgerPlan {
    if (quietDays < 0) {
      throw new IllegalArgumentException("quiet days must not be negative: " + quietDays);
    }
  }

  /** Whether a ledger was given. */
  public boolean given() {
    return path != null;
  }
}
