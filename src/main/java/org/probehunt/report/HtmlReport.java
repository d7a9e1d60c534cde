package org.probehunt.report;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.probehunt.report.Glance.Count;
import org.probehunt.report.Glance.DayCount;
import org.probehunt.report.Glance.Ranked;

/**
 * report.html: the month at a glance in one self-contained page. Every text from a log goes through
 * {@link HtmlEscapes}; the page holds no time of its own, so the same logs give the same bytes.
 */
public final class HtmlReport {
  /** Longest path or user agent shown; the CSV files hold them whole. */
  static final int MAX_TEXT = 160;

  private final Glance glance;
  private final HtmlLabels labels;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private HtmlReport(Glance glance, HtmlLabels labels) {
    this.glance = glance;
    this.labels = labels;
  }

  /** The page, UTF-8. */
  public static byte[] render(Glance glance, HtmlLabels labels) {
    return new HtmlReport(glance, labels).page().getBytes(StandardCharsets.UTF_8);
  }

  private String page() {
    String title = label("title") + period(" \u2014 %s \u2013 %s");
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(labels.language())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(HtmlPage.POLICY)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(title)
        .append("</title>\n<style>\n")
        .append(HtmlPage.STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(label("title"))
        .append("</h1>\n<p class=\"sub\" id=\"period\">")
        .append(
            glance.firstSeen() == null
                ? label("no-period")
                : label("period", day(glance.firstSeen()), day(glance.lastSeen())))
        .append("</p>\n");
    if (glance.server() != null && !glance.server().isEmpty()) {
      html.append("<p class=\"sub\">").append(label("server", glance.server())).append("</p>\n");
    }
    html.append("</header>\n<main>\n");
    counts();
    perDay();
    html.append("<div class=\"pair\">\n");
    ranked("rules", "rule", null, glance.rules(), label("rules-note"));
    ranked("categories", "category", null, glance.categories(), null);
    html.append("</div>\n<div class=\"pair\">\n");
    ranked("paths", "path", null, glance.paths(), null);
    ranked("agents", "agent", null, glance.agents(), null);
    html.append("</div>\n");
    HtmlCampaignTable.append(html, glance, labels);
    html.append("<div class=\"pair\">\n");
    ranked("networks", "network", "holder", glance.networks(), null);
    ranked("contacts-top", "contact", "country", glance.contacts(), null);
    html.append("</div>\n");
    HtmlHostTable.append(html, glance, labels);
    html.append("</main>\n<footer>")
        .append(label("footer", versionOf(glance.counts())))
        .append("</footer>\n<script>")
        .append(HtmlPage.SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private void counts() {
    html.append("<section id=\"counts\">\n<h2>").append(label("counts")).append("</h2>\n");
    html.append("<dl class=\"counts\">\n");
    for (Count c : glance.counts()) {
      html.append("<div data-key=\"")
          .append(esc(c.key()))
          .append("\"><dt>")
          .append(label(c.key()))
          // A long text (the rules' digest) in small type, so that it does not tower over the
          // counts.
          .append(
              c.value() != null && c.value().length() > 24
                  ? "</dt><dd class=\"long\">"
                  : "</dt><dd>")
          .append(number(c.value()))
          .append("</dd><dd class=\"key\">")
          .append(esc(c.key()))
          .append("</dd></div>\n");
    }
    html.append("</dl>\n</section>\n");
  }

  private void perDay() {
    html.append("<section id=\"per-day\">\n<h2>").append(label("per-day")).append("</h2>\n");
    List<DayCount> days = SvgChart.filled(glance.days());
    String description = "";
    if (!days.isEmpty()) {
      DayCount most =
          days.stream()
              .max(
                  Comparator.comparingLong(DayCount::probes)
                      .thenComparing(d -> d.day(), Comparator.reverseOrder()))
              .orElseThrow();
      description =
          labels.get(
              "chart",
              days.get(0).day(),
              days.get(days.size() - 1).day(),
              most.day(),
              grouped(most.probes()));
    }
    html.append(SvgChart.probesPerDay(days, description, labels.get("chart-empty")));
    html.append("\n<details>\n<summary>").append(label("per-day-numbers")).append("</summary>\n");
    html.append("<table id=\"per-day-numbers\">\n<thead><tr><th scope=\"col\">")
        .append(label("day"))
        .append("</th><th scope=\"col\" class=\"num\">")
        .append(label("probes"))
        .append("</th></tr></thead>\n<tbody>\n");
    for (DayCount d : days) {
      html.append("<tr><td>")
          .append(esc(d.day()))
          .append("</td><td class=\"num\">")
          .append(grouped(d.probes()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</details>\n</section>\n");
  }

  /** A top list: name (and detail), a bar, probes and hosts. */
  private void ranked(String id, String nameKey, String detailKey, List<Ranked> rows, String note) {
    html.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(label(id))
        .append("</h2>\n");
    if (rows.isEmpty()) {
      html.append("<p class=\"note\">").append(label("none")).append("</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"note\">").append(label("top-note", rows.size()));
    if (note != null) {
      html.append(' ').append(note);
    }
    html.append("</p>\n<table>\n<thead><tr><th scope=\"col\">").append(label(nameKey));
    if (detailKey != null) {
      html.append("</th><th scope=\"col\">").append(label(detailKey));
    }
    html.append("</th><th scope=\"col\" class=\"num\">")
        .append(label("probes"))
        .append("</th><td></td><th scope=\"col\" class=\"num\">")
        .append(label("hosts"))
        .append("</th></tr></thead>\n<tbody>\n");
    long most = rows.stream().mapToLong(Ranked::probes).max().orElse(1);
    for (Ranked r : rows) {
      html.append("<tr><td class=\"text\">").append(HtmlEscapes.shortened(r.name(), MAX_TEXT));
      if (detailKey != null) {
        html.append("</td><td class=\"text\">").append(esc(r.detail()));
      }
      html.append("</td><td class=\"num\">")
          .append(grouped(r.probes()))
          .append("</td><td aria-hidden=\"true\"><span class=\"meter\"><span style=\"width:")
          .append(Math.max(1, Math.round(100.0 * r.probes() / Math.max(1, most))))
          .append("%\"></span></span></td><td class=\"num\">")
          .append(grouped(r.hosts()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private String period(String format) {
    return glance.firstSeen() == null
        ? ""
        : esc(String.format(Locale.ROOT, format, day(glance.firstSeen()), day(glance.lastSeen())));
  }

  /** The date of an ISO-8601 time, as the log's own clock had it. */
  private static String day(String time) {
    return time.length() >= 10 ? time.substring(0, 10) : time;
  }

  private static String versionOf(List<Count> counts) {
    return counts.stream()
        .filter(c -> c.key().equals("version"))
        .map(Count::value)
        .findFirst()
        .orElse(ProbehuntVersion.current());
  }

  /** The label, its arguments filled in, escaped as a whole. */
  private String label(String key, Object... args) {
    return esc(labels.get(key, args));
  }

  private static String esc(String text) {
    return HtmlEscapes.text(text);
  }

  /** A count with thousands separators; any other value escaped as it is. */
  private static String number(String value) {
    return value != null && value.matches("-?[0-9]{1,18}")
        ? grouped(Long.parseLong(value))
        : esc(value);
  }

  private static String grouped(long n) {
    return HtmlEscapes.grouped(n);
  }
}
