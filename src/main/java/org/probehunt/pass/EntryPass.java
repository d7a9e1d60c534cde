package org.probehunt.pass;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

  /**
   * Which events a pass wants: the first pass probes, the probing hosts' other requests, rejections
   * and accounts; the join back the requests of the hosts {@code hosts} names for an entry's source
   * (null in the first pass).
   */
  record Mode(boolean firstPass, Function<String, HostSet> hosts) {
    static final Mode FIRST_PASS = new Mode(true, null);

    static Mode joinBack(Function<String, HostSet> hosts) {
      return new Mode(false, hosts);
    }
  }

  private record Pending(long lineNo, String text, boolean truncated) {}

  private final String path;
  private final LogEntry entry;
  private final PassSettings settings;
  private final Mode mode;
  private final ArrayDeque<Pending> lookahead = new ArrayDeque<>();
  private final ArrayDeque<PassEvent> ready = new ArrayDeque<>();

  /** The first pass's keeper of probing hosts' requests; the join back's hosts to look for. */
  private final ProbingHosts probing;

  private final HostSet hosts;
  private LogFormat format;
  private FileParser parser;
  private RuleSet rules;
  private boolean started;
  private boolean finished;
  private long lines;
  private long parsed;
  private long rejected;
  private long other;

  /** A pass over {@code entry}, which was read from the file {@code path}. */
  EntryPass(String path, LogEntry entry, PassSettings settings, Mode mode) {
    this.path = path;
    this.entry = entry;
    this.settings = settings;
    this.mode = mode;
    this.probing = mode.firstPass() ? new ProbingHosts(entry.source(), this::again) : null;
    this.hosts = mode.firstPass() ? null : mode.hosts().apply(entry.source());
  }

  /** The next event of this entry, or null once it is exhausted (after its tally). */
  PassEvent next() throws IOException {
    while (ready.isEmpty()) {
      if (finished) {
        return null;
      }
      if (!started) {
        started = true;
        if (entry.skipReason() != null || (hosts != null && hosts.size() == 0)) {
          // Skipped, or the join back wants none of its hosts: not a line is read.
          finished = true;
          if (mode.firstPass()) {
            ready.add(tally(EntryStatus.SKIPPED.label(), entry.skipReason()));
          }
          continue;
        }
        format = settings.format() != null ? settings.format() : detectFormat();
        rules = siteRules(newParser());
        // A fresh parser: the sample's W3C directives must not yet apply to the lines before them.
        parser = newParser();
        if (!mode.firstPass() && parser.clientComesFirst()) {
          // Past the sample, a line whose client is surely none of the hosts is not even decoded.
          entry.skipLines(hosts::lacksClientOf);
        }
      }
      Pending line = nextLine();
      if (line != null) {
        scan(line);
      } else {
        finished = true;
        if (mode.firstPass()) {
          ready.add(probing.clients(path, entry.source()));
          ready.add(tally(entry.status().label(), entry.message()));
        }
      }
    }
    return ready.poll();
  }

  /** Lines read so far. */
  long lines() {
    return lines;
  }

  /** Counts one line and queues what the pass yields for it. */
  private void scan(Pending line) {
    lines++;
    if (line.truncated()) {
      rejected++;
      if (mode.firstPass()) {
        ready.add(reject(line, "line too long"));
      }
      return;
    }
    if (!mode.firstPass() && (line.text().isEmpty() || !parser.mayBeFrom(line.text(), hosts))) {
      // The join back wants a few hosts' lines: the others are not worth a full parse. Both sides
      // hold clients in ClientHosts' one form, so [2001:DB8::1] here finds 2001:db8::1 there.
      return;
    }
    ParseResult result = parser.parse(line.text());
    if (!(result instanceof Request request)) {
      if (FileParser.isOther(result)) {
        other++; // a directive or another logger's event: no request, and no damage either
        if (probing != null) {
          probing.forget(); // a directive may change how later lines are read
        }
        return;
      }
      rejected++;
      if (mode.firstPass()) {
        ready.add(reject(line, ((Rejection) result).reason()));
      }
      return;
    }
    parsed++;
    if (!settings.window().contains(request.time())) {
      return;
    }
    if (mode.firstPass()) {
      if (settings.allow().allows(request.host())
          || (request.proxy() == null && settings.proxies().trusts(request.host()))) {
        return; // a trusted proxy whose line names no client is never flagged
      }
      probing.take(line.lineNo(), line.text(), request, rules.match(request), ready);
    } else if (hosts.contains(request.host())) {
      ready.add(
          new LoggedRequest(
              entry.source(), line.lineNo(), line.text(), request, rules.match(request)));
    }
  }

  /** Line {@code lineNo}, read earlier in this entry, as the first pass yields it. */
  private LoggedRequest again(long lineNo, String text) {
    return parser.parse(text) instanceof Request request
        ? new LoggedRequest(entry.source(), lineNo, text, request, rules.match(request))
        : null;
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
