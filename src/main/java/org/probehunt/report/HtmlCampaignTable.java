package org.probehunt.report;

import java.util.List;
import org.probehunt.report.Glance.Campaign;

/** report.html's table of the largest campaigns: hosts that sent the same set of probes. */
final class HtmlCampaignTable {
  private HtmlCampaignTable() {}

  static void append(StringBuilder html, Glance glance, HtmlLabels labels) {
    html.append("<section id=\"campaigns\">\n<h2>")
        .append(label(labels, "campaigns"))
        .append("</h2>\n");
    if (glance.campaigns().isEmpty()) {
      html.append("<p class=\"note\">").append(label(labels, "none")).append("</p>\n</section>\n");
      return;
    }
    int shown = glance.campaigns().stream().mapToInt(c -> c.someHosts().size()).max().orElse(0);
    html.append("<p class=\"note\">")
        .append(
            label(
                labels,
                "campaigns-note",
                glance.campaigns().size(),
                glance.campaignTotal(),
                "campaigns.csv"))
        .append("</p>\n<table>\n<thead><tr><th scope=\"col\">")
        .append(label(labels, "campaign"))
        .append("</th><th scope=\"col\">")
        .append(label(labels, "rules-col"))
        .append("</th><th scope=\"col\" class=\"num\">")
        .append(label(labels, "hosts"))
        .append("</th><th scope=\"col\" class=\"num\">")
        .append(label(labels, "probes"))
        .append("</th><th scope=\"col\">")
        .append(label(labels, "some-hosts", shown))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Campaign c : glance.campaigns()) {
      html.append("<tr><td class=\"id\">")
          .append(esc(c.id()))
          .append("</td><td class=\"list\">")
          .append(esc(c.rules()).replace(";", "; "))
          .append("</td><td class=\"num\">")
          .append(grouped(c.hosts()))
          .append("</td><td class=\"num\">")
          .append(grouped(c.probes()))
          .append("</td><td class=\"text\">");
      List<String> names = c.someHosts().stream().map(HtmlEscapes::text).toList();
      html.append(String.join(", ", names));
      if (c.hosts() > names.size()) {
        html.append(", \u2026");
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static String label(HtmlLabels labels, String key, Object... args) {
    return esc(labels.get(key, args));
  }

  private static String esc(String text) {
    return HtmlEscapes.text(text);
  }

  private static String grouped(long n) {
    return HtmlEscapes.grouped(n);
  }
}
