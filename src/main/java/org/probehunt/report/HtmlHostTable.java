package org.probehunt.report;

import org.probehunt.report.Glance.Host;

/** report.html's table of flagged hosts, capped, which the page's script sorts and filters. */
final class HtmlHostTable {
  private HtmlHostTable() {}

  static void append(StringBuilder html, Glance glance, HtmlLabels labels) {
    html.append("<section id=\"flagged\">\n<h2>")
        .append(label(labels, "hosts-title"))
        .append("</h2>\n");
    html.append("<p class=\"note\" id=\"hosts-cap\">")
        .append(
            glance.hosts().size() < glance.hostTotal()
                ? label(labels, "hosts-cap", glance.hostTotal(), glance.hosts().size(), "hosts.csv")
                : label(labels, "hosts-all", glance.hostTotal(), "hosts.csv"))
        .append("</p>\n");
    if (glance.hosts().isEmpty()) {
      html.append("</section>\n");
      return;
    }
    html.append("<p class=\"note\">").append(label(labels, "sort-note")).append("</p>\n");
    html.append("<div class=\"wide\">\n<table id=\"hosts\" data-filter=\"")
        .append(label(labels, "filter"))
        .append("\">\n<thead><tr>");
    String[] keys = {
      "host",
      "probes",
      "requests-col",
      "first-seen",
      "last-seen",
      "rules-col",
      "campaign",
      "contact",
      "country",
      "actor"
    };
    for (String key : keys) {
      boolean num = key.equals("probes") || key.equals("requests-col");
      html.append("<th scope=\"col\"")
          .append(num ? " class=\"num\"" : "")
          .append(key.equals("probes") ? " aria-sort=\"descending\"" : "")
          .append('>')
          .append(label(labels, key))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Host h : glance.hosts()) {
      html.append("<tr><td class=\"host\">")
          .append(esc(h.host()))
          .append("</td><td class=\"num\">")
          .append(grouped(h.probes()))
          .append("</td><td class=\"num\">")
          .append(grouped(h.requests()))
          .append("</td><td class=\"time\">")
          .append(time(h.firstSeen()))
          .append("</td><td class=\"time\">")
          .append(time(h.lastSeen()))
          .append("</td><td class=\"list\">")
          .append(esc(h.rules()).replace(";", "; "))
          .append("</td><td class=\"id\">")
          .append(esc(h.campaign()))
          .append("</td><td class=\"contact\">")
          .append(esc(h.contact()))
          .append("</td><td>")
          .append(esc(h.country()))
          .append("</td><td>")
          .append(esc(h.actor()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static String label(HtmlLabels labels, String key, Object... args) {
    return esc(labels.get(key, args));
  }

  /** An ISO-8601 time that may wrap after its date, so that the table fits a page. */
  private static String time(String iso) {
    return esc(iso).replaceFirst("^([0-9-]{10})T", "$1T<wbr>");
  }

  private static String esc(String text) {
    return HtmlEscapes.text(text);
  }

  private static String grouped(long n) {
    return HtmlEscapes.grouped(n);
  }
}
