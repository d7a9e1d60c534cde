package org.probehunt.job;

import java.util.List;
import org.probehunt.pass.PassSettings;
import org.probehunt.report.HtmlLabels;

/**
 * Everything one run of the job was asked to do.
 *
 * @param paths files, folders or globs to read
 * @param out the report folder
 * @param overwrite whether an existing, non-empty report folder may be emptied first
 * @param strict whether damaged input fails the run
 * @param pass what the reading tasks need, the --include and --exclude globs among it
 * @param minProbes probes a host needs before it is flagged
 * @param byteOrderMark whether CSV files start with a UTF-8 byte-order mark
 * @param notices how to draft the notices
 * @param parquet whether the flagged hosts and their requests are also written as Parquet
 * @param reportLanguage the language of report.html, "en" or "ja" (--lang)
 */
public record JobSettings(
    List<String> paths,
    String out,
    boolean overwrite,
    boolean strict,
    PassSettings pass,
    int minProbes,
    boolean byteOrderMark,
    NoticePlan notices,
    boolean parquet,
    String reportLanguage) {

  public JobSettings {
    paths = List.copyOf(paths);
    HtmlLabels.of(reportLanguage); // refuses any other language
  }

  /** Settings that write no Parquet, report.html in the JVM locale's language. */
  public JobSettings(
      List<String> paths,
      String out,
      boolean overwrite,
      boolean strict,
      PassSettings pass,
      int minProbes,
      boolean byteOrderMark,
      NoticePlan notices) {
    this(
        paths,
        out,
        overwrite,
        strict,
        pass,
        minProbes,
        byteOrderMark,
        notices,
        false,
        HtmlLabels.defaultLanguage());
  }

  /** These settings, writing Parquet too. */
  public JobSettings withParquet() {
    return new JobSettings(
        paths,
        out,
        overwrite,
        strict,
        pass,
        minProbes,
        byteOrderMark,
        notices,
        true,
        reportLanguage);
  }

  /** The same settings, report.html in {@code language}. */
  public JobSettings withReportLanguage(String language) {
    return new JobSettings(
        paths, out, overwrite, strict, pass, minProbes, byteOrderMark, notices, parquet, language);
  }

  /** Extra file-name globs to take in folders, as the passes' read options hold them. */
  public List<String> include() {
    return pass.read().includeGlobs();
  }

  /** File-name globs to leave out, as the passes' read options hold them. */
  public List<String> exclude() {
    return pass.read().excludeGlobs();
  }
}
