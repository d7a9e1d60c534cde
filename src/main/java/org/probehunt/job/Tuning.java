package org.probehunt.job;

import java.util.function.UnaryOperator;
import org.probehunt.report.Texts;

/**
 * The numbers a run can be tuned by, its own Spark properties ({@code --conf} of spark-submit, a
 * line of jobs/conf/local.properties, or {@code -D} in PROBEHUNT_JAVA_OPTS). They are read and
 * checked together when the run starts, so that a mistake in one is told in one line before any log
 * is read, not after the scan where the number is first needed.
 *
 * @param driverRows rows a report may have and still be gathered on the driver ({@link
 *     ReportFiles})
 * @param hostTasks tasks of the host pass
 * @param draftTasks tasks of the contact pass, which writes the drafts
 * @param keptEvidenceChars characters of evidence lines a host pass task keeps for the contact pass
 *     ({@link HostPass})
 */
record Tuning(long driverRows, int hostTasks, int draftTasks, long keptEvidenceChars) {
  /** The property that sets {@link #driverRows}. */
  static final String DRIVER_ROWS = "spark.probehunt.driverRows";

  /** The property that sets {@link #hostTasks} (by default one per core). */
  static final String HOST_TASKS = "spark.probehunt.hostTasks";

  /** The property that sets {@link #draftTasks} (by default two per core). */
  static final String DRAFT_TASKS = "spark.probehunt.draftTasks";

  /**
   * The property that sets {@link #keptEvidenceChars}: by default 32 Mi, a busy month's in two
   * tasks with room to spare; past it a task keeps nothing, and the contact pass reads the host
   * pass's input again.
   */
  static final String KEPT_EVIDENCE = "spark.probehunt.keptEvidenceChars";

  /**
   * By default, rows a report may have and still be gathered on the driver: at a few hundred bytes
   * a row, some tens of MB of the 1 GiB local heap. Larger reports are written by the tasks in
   * pieces.
   */
  static final long DEFAULT_DRIVER_ROWS = 100_000;

  static final long DEFAULT_KEPT_EVIDENCE = 32L << 20;

  /** More tasks than this in one stage is a typing mistake, not a tuning. */
  static final int MAX_TASKS = 100_000;

  /**
   * The numbers {@code property} gives (null for a property not set), or the defaults for a run on
   * {@code cores} cores.
   *
   * @throws TuningException naming the first property that is not a number in its range
   */
  static Tuning of(UnaryOperator<String> property, int cores) {
    return new Tuning(
        number(property, DRIVER_ROWS, DEFAULT_DRIVER_ROWS, 0, Long.MAX_VALUE),
        (int) number(property, HOST_TASKS, cores, 1, MAX_TASKS),
        (int) number(property, DRAFT_TASKS, 2L * cores, 1, MAX_TASKS),
        number(property, KEPT_EVIDENCE, DEFAULT_KEPT_EVIDENCE, 0, Long.MAX_VALUE));
  }

  private static long number(
      UnaryOperator<String> property, String name, long byDefault, long min, long max) {
    String text = property.apply(name);
    if (text == null) {
      return byDefault;
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw refused(name, text, min, max);
    }
    if (value < min || value > max) {
      throw refused(name, text, min, max);
    }
    return value;
  }

  private static TuningException refused(String name, String text, long min, long max) {
    String range =
        max == Long.MAX_VALUE
            ? "a whole number of at least " + min
            : "a whole number from " + min + " to " + max;
    return new TuningException(
        "the Spark property " + name + " is \"" + Texts.quoted(text, 40) + "\"; it takes " + range);
  }
}
