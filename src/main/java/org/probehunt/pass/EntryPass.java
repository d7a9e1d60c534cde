package org.probehunt.pass;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.detect.Detection;
import org.probehunt.detect.RuleException;
import org.probehunt.detect.RuleSet;
import org.probehunt.detect.SiteHosts;
import org.probehunt.input.EntryStatus;
import org.probehunt.input.LogEntry;
import org.probehunt.parse.FileParser;
import org.probehunt.parse.FormatCatalog;
import org.probehunt.parse.HostSet;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.ParseResult;
import org.probehunt.parse.Rejection;
import org.probehunt.parse.Request;

/** Scans the lines of one file or archive entry, counting every line exactly once. */
final class EntryPass {
  /** How many lines the format is guessed from. */
  private static final int SAMPLE_LINES = 64;

  /** Which events a pass wants: the first pass probes and rejections, the second a host set. */
  record Mode(boolean firstPass, HostSet hosts) {
    static final Mode FIRST_PASS = new Mode(true, HostSet.of(List.of()));

    static Mode joinBack(HostSet hosts) {
      return new Mode(false, hosts);
    }
  }

  private record Pending(long lineNo, String text, boolean truncated) {}

  private final LogEntry entry;
  private final PassSettings settings;
  private final Mode mode;
  private final ArrayDeque<Pending> lookahead = new ArrayDeque<>();
  private LogFormat format;
  private FileParser parser;
  private RuleSet rules;
  private boolean started;
  private boolean finished;
  private long lines;
  private long parsed;
  private long rejected;
  private long other;

  EntryPass(LogEntry entry, PassSettings settings, Mode mode) {
    this.entry = entry;
    this.settings = settings;
    this.mode = mode;
  }

  /** The next event of this entry, or null once it is exhausted (after its tally). */
  PassEvent next() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      if (entry.skipReason() != null) {
        finished = true;
        return mode.firstPass() ? tally(EntryStatus.SKIPPED.label(), entry.skipReason()) : null;
      }
      format = settings.format() != null ? settings.format() : detectFormat();
      rules = siteRules(newParser());
      // A fresh parser: the sample's W3C directives must not yet apply to the lines before them.
      parser = newParser();
    }
    Pending line;
    while ((line = nextLine()) != null) {
      PassEvent event = scan(line);
      if (event != null) {
        return event;
      }
    }
    finished = true;
    return mode.firstPass() ? tally(entry.status().label(), entry.message()) : null;
  }

  /** Lines read so far. */
  long lines() {
    return lines;
  }

  private PassEvent scan(Pending line) {
    lines++;
    if (line.truncated()) {
      rejected++;
      return mode.firstPass() ? reject(line, "line too long") : null;
    }
    if (!mode.firstPass() && !parser.mayBeFrom(line.text(), mode.hosts())) {
      // The join back wants a few hosts' lines: the others are not worth a full parse. Both sides
      // hold clients in ClientHosts' one form, so [2001:DB8::1] here finds 2001:db8::1 there.
      return null;
    }
    ParseResult result = parser.parse(line.text());
    if (!(result instanceof Request request)) {
      if (FileParser.isOther(result)) {
        other++; // a directive or another logger's event: no request, and no damage either
        return null;
      }
      rejected++;
      return mode.firstPass() ? reject(line, ((Rejection) result).reason()) : null;
    }
    parsed++;
    if (!settings.window().contains(request.time())) {
      return null;
    }
    if (mode.firstPass()) {
      if (settings.allow().allows(request.host())
          || (request.proxy() == null && settings.proxies().trusts(request.host()))) {
        return null; // a trusted proxy whose line names no client is never flagged
      }
      Detection detection = rules.match(request);
      return detection.probe()
          ? new LoggedRequest(entry.source(), line.lineNo(), line.text(), request, detection)
          : null;
    }
    if (!mode.hosts().contains(request.host())) {
      return null;
    }
    return new LoggedRequest(
        entry.source(), line.lineNo(), line.text(), request, rules.match(request));
  }

  private RejectedLine reject(Pending line, String reason) {
    return new RejectedLine(entry.source(), line.lineNo(), reason, line.text());
  }

  private EntryTally tally(String status, String message) {
    return new EntryTally(
        entry.source(),
        entry.compression().label(),
        entry.container().label(),
        parser == null ? null : parser.labels(),
        lines,
        parsed,
        rejected,
        status,
        message,
        other);
  }

  private FileParser newParser() {
    return (settings.format() != null
            ? FormatCatalog.forced(format)
            : settings.formats().parser(format, entry.source()))
        .behind(settings.proxies());
  }

  private LogFormat detectFormat() throws IOException {
    List<String> sample = new ArrayList<>();
    for (Pending line : sample()) {
      if (!line.truncated()) {
        sample.add(line.text());
      }
    }
    return settings.formats().detect(entry.source(), sample).orElse(null);
  }

  /**
   * The rules for this file: knowing its own site when its first lines are a varnishncsa-style
   * log's (see {@link SiteHosts}). Both passes decide from the same lines, so they agree.
   */
  private RuleSet siteRules(FileParser sampleParser) throws IOException {
    List<Request> requests = new ArrayList<>();
    for (Pending line : sample()) {
      if (!line.truncated() && sampleParser.parse(line.text()) instanceof Request request) {
        requests.add(request);
      }
    }
    String site = SiteHosts.of(requests).orElse(null);
    if (site == null) {
      return settings.rules();
    }
    try {
      return settings.rules().withServerNames(List.of(site));
    } catch (RuleException e) {
      return settings.rules(); // a host no server name could be: the file's URLs stay foreign
    }
  }

  /** The first lines of the file, read ahead and kept for the scan. */
  private ArrayDeque<Pending> sample() throws IOException {
    while (lookahead.size() < SAMPLE_LINES) {
      Pending line = read();
      if (line == null) {
        break;
      }
      lookahead.add(line);
    }
    return lookahead;
  }

  private Pending nextLine() throws IOException {
    return lookahead.isEmpty() ? read() : lookahead.poll();
  }

  private Pending read() throws IOException {
    String text = entry.nextLine();
    return text == null ? null : new Pending(entry.lineNo(), text, entry.lineTruncated());
  }
}
