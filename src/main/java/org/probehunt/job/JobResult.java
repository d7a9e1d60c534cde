package org.probehunt.job;

import org.probehunt.report.Summary;

/**
 * What a run produced.
 *
 * @param summary the counts written to summary.json
 * @param damaged whether some input could not be read whole (exit code 3)
 * @param location where the reports are
 */
public record JobResult(Summary summary, boolean damaged, String location) {}
