package org.probehunt.report;

import java.util.List;

/**
 * The report columns users build spreadsheets on. Columns are only ever appended: never renamed,
 * removed or reordered.
 */
public final class Columns {
  public static final List<String> HOSTS =
      List.of(
          "host",
          "domain",
          "first_seen",
          "last_seen",
          "probes",
          "requests",
          "rules",
          "categories",
          "campaign",
          "contact",
          "country",
          "registry",
          "abuse",
          "network",
          "holder",
          "contact_source",
          "contact_note",
          "actor",
          "status");

  public static final List<String> REQUESTS =
      List.of(
          "host",
          "time",
          "method",
          "path",
          "protocol",
          "status",
          "bytes",
          "referer",
          "user_agent",
          "probe",
          "rule",
          "source",
          "line_no",
          "line",
          "proxy");

  public static final List<String> INPUTS =
      List.of(
          "source",
          "compression",
          "container",
          "format",
          "lines",
          "parsed",
          "rejected",
          "status",
          "message",
          "other");

  public static final List<String> REJECTS = List.of("source", "line_no", "reason", "line");

  public static final List<String> CAMPAIGNS =
      List.of("campaign", "rules", "hosts", "first_seen", "last_seen", "host_list");

  public static final List<String> DOMAINS =
      List.of(
          "contact",
          "addresses",
          "hosts",
          "probes",
          "requests",
          "first_seen",
          "last_seen",
          "country",
          "check_url",
          "source",
          "networks",
          "holder",
          "registry");

  /** notices/index.csv: one row per drafted contact, to review the drafts before sending. */
  public static final List<String> NOTICE_INDEX =
      List.of("contact", "to", "hosts", "probes", "requests", "en", "ja");

  private Columns() {}
}
