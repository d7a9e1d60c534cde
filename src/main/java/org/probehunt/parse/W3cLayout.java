package org.probehunt.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a W3C extended log, as its {@code #Fields:} directive names them, and how a data
 * line is read in them: fields separated by one space (IIS) or a tab (CloudFront), {@code -} for
 * none, times in UTC. Immutable; a file whose directive changes gets a new layout from {@link
 * W3cFile}. A line starting with {@code #} is a directive, rejected as {@code w3c directive}; a
 * line with more fields than named is rejected as {@code extra fields}, and a data line that comes
 * before any {@code #Fields:} in a file not named like an IIS log as {@code no #Fields: directive}.
 */
final class W3cLayout implements LineLayout {
  static final Rejection DIRECTIVE = new Rejection("w3c directive");
  static final Rejection EXTRA_FIELDS = new Rejection("extra fields");
  static final Rejection NO_FIELDS = new Rejection("no #Fields: directive");

  /**
   * No columns yet: a W3C file whose data lines come before any {@code #Fields:} directive and
   * whose name does not say it is IIS's, so that IIS's default fields would be a guess.
   */
  static final W3cLayout UNKNOWN = new W3cLayout(null, false, null);

  /** IIS's default fields, for lines met before any {@code #Fields:} directive. */
  static final W3cLayout IIS =
      of(
          "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
              + " cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
          false,
          null);

  /** CloudFront's standard log fields. */
  static final W3cLayout CLOUDFRONT =
      of(
          "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status"
              + " cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
              + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for"
              + " ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version"
              + " fle-status fle-encrypted-fields c-port time-to-first-byte"
              + " x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start"
              + " sc-range-end",
          true,
          null);

  /** Whether data lines are read by this layout, rather than rejected as {@link #NO_FIELDS}. */
  boolean knowsFields() {
    return roles != null;
  }

  /** What a column holds. */
  private enum Role {
    DATE,
    TIME,
    CLIENT,
    USER,
    METHOD,
    STEM,
    QUERY,
    URI,
    PROTOCOL,
    STATUS,
    BYTES,
    HOST,
    VIEWER_HOST,
    PORT,
    USER_AGENT,
    REFERER,
    HEADER,
    FORWARDED_FOR,
    REAL_IP,
    FORWARDED,
    IGNORED
  }

  private final Role[] roles;
  private final boolean percentEncoded;
  private final LocalDate date;

  private W3cLayout(Role[] roles, boolean percentEncoded, LocalDate date) {
    this.roles = roles;
    this.percentEncoded = percentEncoded;
    this.date = date;
  }

  /**
   * The layout of the field names in {@code fields} (the text after {@code #Fields:}).
   *
   * @param percentEncoded whether header values are percent-encoded (CloudFront) rather than
   *     written with {@code +} for spaces (IIS)
   * @param date the date of a {@code #Date:} directive, for layouts without a {@code date} field
   */
  static W3cLayout of(String fields, boolean percentEncoded, LocalDate date) {
    List<Role> roles = new ArrayList<>();
    for (String name : fields.strip().split("[ \t]+", -1)) {
      if (!name.isEmpty()) {
        roles.add(role(name.toLowerCase(Locale.ROOT)));
      }
    }
    return new W3cLayout(roles.toArray(Role[]::new), percentEncoded, date);
  }

  /** This layout for lines dated by a {@code #Date:} directive. */
  W3cLayout withDate(LocalDate newDate) {
    return new W3cLayout(roles, percentEncoded, newDate);
  }

  boolean percentEncoded() {
    return percentEncoded;
  }

  LocalDate date() {
    return date;
  }

  private static Role role(String name) {
    return switch (name) {
      case "date" -> Role.DATE;
      case "time" -> Role.TIME;
      case "c-ip" -> Role.CLIENT;
      case "cs-username" -> Role.USER;
      case "cs-method" -> Role.METHOD;
      case "cs-uri-stem" -> Role.STEM;
      case "cs-uri-query" -> Role.QUERY;
      case "cs-uri" -> Role.URI;
      case "cs-version", "cs-protocol-version" -> Role.PROTOCOL;
      case "sc-status" -> Role.STATUS;
      case "sc-bytes" -> Role.BYTES;
      case "cs-host", "cs(host)" -> Role.HOST;
      case "x-host-header" -> Role.VIEWER_HOST;
      case "s-port" -> Role.PORT;
      case "cs(user-agent)" -> Role.USER_AGENT;
      case "cs(referer)", "cs(referrer)" -> Role.REFERER;
      case "x-forwarded-for", "cs(x-forwarded-for)" -> Role.FORWARDED_FOR;
      case "cs(x-real-ip)" -> Role.REAL_IP;
      case "cs(forwarded)" -> Role.FORWARDED;
      default -> name.startsWith("cs(") ? Role.HEADER : Role.IGNORED;
    };
  }

  @Override
  public ParseResult parse(String line) {
    int end = LineLayout.trimmedEnd(line);
    if (end == 0) {
      return LineParser.EMPTY;
    }
    if (W3cFile.directiveStart(line) >= 0) {
      return DIRECTIVE;
    }
    if (roles == null) {
      return NO_FIELDS;
    }
    int tab = line.indexOf('\t');
    char separator = tab >= 0 && tab < end ? '\t' : ' ';
    W3cRecord record = new W3cRecord(date);
    int pos = 0;
    for (Role role : roles) {
      if (pos > end) {
        return LineParser.MISSING_FIELDS;
      }
      int stop = line.indexOf(separator, pos);
      if (stop < 0 || stop > end) {
        stop = end;
      }
      Rejection rejection = read(record, role, line, pos, stop);
      if (rejection != null) {
        return rejection;
      }
      pos = stop + 1;
    }
    if (pos <= end) {
      return EXTRA_FIELDS;
    }
    return record.request();
  }

  /** Puts the column {@code line[from, to)} into {@code record}; a rejection if it is bad. */
  private Rejection read(W3cRecord r, Role role, String line, int from, int to) {
    boolean dash = from >= to || Fields.isDash(line, from, to);
    switch (role) {
      case DATE -> r.date = dash ? null : W3cTimes.date(line, from, to);
      case TIME -> {
        r.timeFrom = from;
        r.timeTo = to;
        r.line = line;
      }
      case CLIENT -> r.client = dash ? null : ClientHosts.canonical(line, from, to);
      case USER -> r.user = dash ? null : line.substring(from, to);
      case METHOD -> r.method = dash ? null : line.substring(from, to);
      case STEM -> r.stem = dash ? null : line.substring(from, to);
      case QUERY -> r.query = dash ? null : line.substring(from, to);
      case URI -> r.uri = dash ? null : line.substring(from, to);
      case PROTOCOL -> r.protocol = dash ? null : line.substring(from, to);
      case STATUS -> {
        r.status = dash ? Fields.DASH : Fields.status(line, from, to);
        if (r.status == Fields.BAD) {
          return LineParser.BAD_STATUS;
        }
      }
      case BYTES -> {
        r.bytes = dash ? Fields.DASH : Fields.bytes(line, from, to);
        if (r.bytes == Fields.BAD) {
          return LineParser.BAD_BYTES;
        }
      }
      case HOST -> r.host = dash ? null : Fields.vhostName(line, from, to);
      case VIEWER_HOST -> r.viewerHost = dash ? null : Fields.vhostName(line, from, to);
      case PORT -> r.port = dash || to - from > 5 ? Fields.DASH : Fields.bytes(line, from, to);
      case USER_AGENT -> r.userAgent = dash ? null : decoded(line, from, to);
      case REFERER -> r.referer = dash ? null : decoded(line, from, to);
      case HEADER -> {
        if (!dash) {
          r.extras.add(decoded(line, from, to));
        }
      }
      case FORWARDED_FOR, REAL_IP, FORWARDED -> {
        if (!dash) {
          String value = decoded(line, from, to);
          r.extras.add(value);
          r.forwarding(role == Role.FORWARDED_FOR ? 0 : role == Role.REAL_IP ? 1 : 2, value);
        }
      }
      case IGNORED -> {}
    }
    return null;
  }

  private String decoded(String line, int from, int to) {
    return percentEncoded
        ? W3cText.percentDecoded(line, from, to)
        : W3cText.plusDecoded(line, from, to);
  }
}
