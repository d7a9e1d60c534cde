package org.probehunt.detect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probehunt.parse.Request;

/**
 * Finds a log's own site from its first lines, as varnishncsa writes them: every request line an
 * absolute URL ({@code GET http://www.example.jp/ HTTP/1.1}), most of them naming one host. Such a
 * file's absolute URLs naming that host are the site's own requests, not open-proxy probes, while
 * the few naming other hosts still are. A web server's log always has relative targets among its
 * first requests, and a proxy scanner's burst comes from one client, so the sample must be absolute
 * throughout, long, and from several clients.
 */
public final class SiteHosts {
  /** Requests the sample needs, every one an absolute URL. */
  static final int MIN_REQUESTS = 16;

  /** Distinct clients naming the site: one scanner alone is not a site's audience. */
  static final int MIN_CLIENTS = 3;

  private SiteHosts() {}

  /** The host that most requests of {@code sample} name, when the sample has the shape above. */
  public static Optional<String> of(List<Request> sample) {
    if (sample.size() < MIN_REQUESTS) {
      return Optional.empty();
    }
    Map<String, Set<String>> clients = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Request r : sample) {
      String host = r.target() == null ? null : RuleIndex.urlHost(r.target());
      if (host == null || host.isEmpty()) {
        return Optional.empty();
      }
      counts.merge(host, 1, Integer::sum);
      clients.computeIfAbsent(host, h -> new HashSet<>()).add(r.host());
    }
    // Three in four requests: a handful of proxy probes among the site's own do not hide it.
    return counts.entrySet().stream()
        .filter(e -> 4 * e.getValue() >= 3 * sample.size())
        .map(Map.Entry::getKey)
        .filter(host -> clients.get(host).size() >= MIN_CLIENTS)
        .findFirst();
  }
}
