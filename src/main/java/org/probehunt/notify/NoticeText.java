package org.probehunt.notify;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probehunt.contact.Contact;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.LookupHints;
import org.probehunt.report.Texts;
import org.probehunt.report.Times;

/** Fills the templates for one draft: the subject from settings and dates only, and the letter. */
final class NoticeText {
  /** File name of the attachment that holds every evidence line. */
  static final String ATTACHMENT = "evidence.log";

  private static final int MAX_HOST_TEXT = 255;

  /** The subject, the letter body (CRLF line ends) and the date of the last request, if known. */
  record Rendered(String subject, String body, Optional<OffsetDateTime> date) {}

  private NoticeText() {}

  /**
   * What a contact's drafts say whatever their language: the values of the placeholders, each
   * host's and each earlier report's, how many evidence lines are quoted of how many, and the date
   * of the last request. Worked out once for all of a contact's drafts.
   */
  record Facts(
      Contact contact,
      NoticeSettings settings,
      Map<String, String> values,
      List<Map<String, String>> hosts,
      List<Map<String, String>> again,
      int shown,
      long total,
      Optional<OffsetDateTime> last) {}

  /**
   * The facts of the drafts to {@code contact} about {@code hosts}, quoting {@code shownLines} of
   * the {@code total} evidence lines.
   */
  static Facts facts(
      Contact contact,
      List<HostFinding> hosts,
      List<String> shownLines,
      long total,
      NoticeSettings settings) {
    List<OffsetDateTime> times = FindingTimes.parsed(FindingTimes.of(hosts));
    Optional<OffsetDateTime> first = FindingTimes.earliest(times);
    Optional<OffsetDateTime> last = FindingTimes.latest(times);

    Map<String, String> values = new HashMap<>();
    values.put("server", settings.serverName());
    values.put("admin", Texts.printable(settings.adminName()));
    values.put("first_seen", first.map(Times::iso).orElse("?"));
    values.put("last_seen", last.map(Times::iso).orElse("?"));
    values.put("first_date", first.map(t -> t.toLocalDate().toString()).orElse("?"));
    values.put("last_date", last.map(t -> t.toLocalDate().toString()).orElse("?"));
    values.put("timezone", FindingTimes.offsets(times));
    values.put("host_count", Integer.toString(hosts.size()));
    values.put("probes", Long.toString(hosts.stream().mapToLong(HostFinding::probes).sum()));
    values.put("requests", Long.toString(hosts.stream().mapToLong(HostFinding::requests).sum()));
    values.put("contact", Texts.printable(contact.name() != null ? contact.name() : contact.key()));
    values.put("rules", joined(hosts.stream().flatMap(h -> h.rules().stream()).toList()));
    values.put("categories", joined(hosts.stream().flatMap(h -> h.categories().stream()).toList()));
    values.put("log", String.join("\n", shownLines.stream().map(Texts::printable).toList()));
    return new Facts(
        contact,
        settings,
        values,
        hosts.stream().map(NoticeText::hostValues).toList(),
        hosts.stream().filter(h -> h.earlier() != null).map(NoticeText::againValues).toList(),
        shownLines.size(),
        total,
        last);
  }

  /** {@link #render(Facts, String)} of the facts of these findings. */
  static Rendered render(
      Contact contact,
      List<HostFinding> hosts,
      List<String> shownLines,
      long total,
      NoticeSettings settings,
      String lang) {
    return render(facts(contact, hosts, shownLines, total, settings), lang);
  }

  /** The draft in {@code lang}, "en" or "ja", of a contact's {@code facts}. */
  static Rendered render(Facts facts, String lang) {
    if (!TemplateSet.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException(
          "language must be one of "
              + TemplateSet.LANGUAGES
              + ", not '"
              + Texts.printable(String.valueOf(lang))
              + "'");
    }
    NoticeSettings settings = facts.settings();
    Contact contact = facts.contact();
    TemplateSet templates = settings.templates();
    Map<String, String> values = new HashMap<>(facts.values());
    String subject = oneLine(templates.render("subject", lang, values));

    values.put("hosts", hostLines(facts.hosts(), templates, lang));
    values.put("again", againLines(facts.again(), templates, lang));
    int shown = facts.shown();
    long total = facts.total();
    values.put(
        "log_note",
        shown == total
            ? ""
            : templates
                .render(
                    "omitted",
                    lang,
                    Map.of(
                        "shown",
                        Integer.toString(shown),
                        "omitted",
                        Long.toString(total - shown),
                        "total",
                        Long.toString(total),
                        "attachment",
                        ATTACHMENT))
                .strip());
    // Without --admin the letter introduces the server alone rather than an empty name.
    values.put(
        "intro",
        templates
            .render(
                settings.adminName().isBlank() ? "intro-unnamed" : "intro",
                lang,
                Map.of(
                    "server",
                    settings.serverName(),
                    "admin",
                    Texts.printable(settings.adminName())))
            .strip());
    values.put(
        "lookup",
        contact.hasAddress()
            ? ""
            : templates
                .render(
                    "lookup",
                    lang,
                    Map.of(
                        "hint",
                        Texts.printable(
                            Optional.ofNullable(contact.lookupHint())
                                .orElse(LookupHints.forName()))))
                .strip());
    // An empty ${lookup} leaves the blank line that follows it at the top.
    String body = withoutLeadingNewlines(templates.render("notice", lang, values));
    return new Rendered(subject, crlf(body), facts.last());
  }

  /** The values of a host's line in the letter. */
  private static Map<String, String> hostValues(HostFinding h) {
    Map<String, String> v = new HashMap<>();
    v.put("host", Texts.printable(shortened(h.host())));
    v.put("first_seen", time(h.firstSeen()));
    v.put("last_seen", time(h.lastSeen()));
    v.put("probes", Long.toString(h.probes()));
    v.put("requests", Long.toString(h.requests()));
    v.put("rules", joined(h.rules()));
    v.put("categories", joined(h.categories()));
    v.put("network", network(h));
    return v;
  }

  /** The values of the line of a host we wrote about before. */
  private static Map<String, String> againValues(HostFinding h) {
    Map<String, String> v = new HashMap<>();
    v.put("host", Texts.printable(shortened(h.host())));
    v.put("reported_on", Texts.printable(String.valueOf(h.earlier().on())));
    v.put("reported_first_seen", time(h.earlier().firstSeen()));
    v.put("reported_last_seen", time(h.earlier().lastSeen()));
    return v;
  }

  /** A host name as a letter shows it: at most {@value #MAX_HOST_TEXT} characters. */
  private static String shortened(String host) {
    String name = host == null ? "" : host;
    return name.length() > MAX_HOST_TEXT ? name.substring(0, MAX_HOST_TEXT) + "..." : name;
  }

  private static String hostLines(
      List<Map<String, String>> hosts, TemplateSet templates, String lang) {
    StringBuilder out = new StringBuilder();
    for (Map<String, String> v : hosts) {
      String line = templates.render("host", lang, v);
      out.append(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line).append('\n');
    }
    return out.toString().stripTrailing();
  }

  /**
   * One line per host we wrote about before, saying when and about which period, after a blank
   * line; empty when every host is new.
   */
  private static String againLines(
      List<Map<String, String>> hosts, TemplateSet templates, String lang) {
    StringBuilder out = new StringBuilder();
    for (Map<String, String> v : hosts) {
      out.append('\n').append(templates.render("again", lang, v).stripTrailing());
    }
    return out.toString();
  }

  /** " (192.0.2.0/24, Example Net)" when the registry data know the host's network. */
  private static String network(HostFinding h) {
    String where =
        java.util.stream.Stream.of(h.network(), h.holder())
            .filter(t -> t != null && !t.isBlank())
            .map(t -> t.length() > MAX_HOST_TEXT ? t.substring(0, MAX_HOST_TEXT) + "..." : t)
            .map(Texts::printable)
            .collect(java.util.stream.Collectors.joining(", "));
    return where.isEmpty() ? "" : " (" + where + ")";
  }

  private static String time(String text) {
    return FindingTimes.parse(text)
        .map(Times::iso)
        .orElseGet(() -> Texts.printable(String.valueOf(text)));
  }

  private static String joined(List<String> items) {
    return Texts.printable(String.join(", ", items.stream().distinct().sorted().toList()));
  }

  /**
   * A subject is one line whatever the template says: each run of control characters and line
   * separators becomes one space.
   */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029';
      if (!control) {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = control;
    }
    return out.toString().strip();
  }

  private static String withoutLeadingNewlines(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) == '\n') {
      start++;
    }
    return text.substring(start);
  }

  /** Every LF not already after a CR gets one; a lone CR stays as it is. */
  private static String crlf(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 16);
    int from = 0;
    // Copied a line at a time, not a char at a time: every draft's body passes through here.
    for (int lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
      out.append(text, from, lf);
      if (lf == 0 || text.charAt(lf - 1) != '\r') {
        out.append('\r');
      }
      from = lf; // the LF starts the next piece
    }
    return out.append(text, from, text.length()).toString();
  }
}
