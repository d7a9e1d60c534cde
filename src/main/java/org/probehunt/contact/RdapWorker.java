package org.probehunt.contact;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks one registry about its addresses, one request at a time and at its pace. A timeout, a broken
 * connection or a 5xx is retried once; a 429 waits out its Retry-After (seconds or an HTTP date; 10
 * s when absent) within the limits' patience and at most {@value #MAX_TRIES} tries.
 */
final class RdapWorker {
  private static final Duration UNSAID_RETRY = Duration.ofSeconds(10);
  private static final int MAX_TRIES = 6;

  /** An IP network answer is a few kilobytes; this is far beyond any real one. */
  private static final long MAX_BODY = 4L << 20;

  private final String registry;
  private final HttpClient http;
  private final RdapCache cache;
  private final RdapLimits limits;
  private final Clock clock;
  private final RdapClient.Sleeper sleeper;
  private final AtomicInteger requests;
  private Instant next;

  RdapWorker(
      String registry,
      HttpClient http,
      RdapCache cache,
      RdapLimits limits,
      Clock clock,
      RdapClient.Sleeper sleeper,
      AtomicInteger requests) {
    this.registry = registry;
    this.http = http;
    this.cache = cache;
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
    this.requests = requests;
  }

  /** Answers each address (base URLs by address) into {@code answers}; stops if interrupted. */
  void run(List<String> ips, Map<String, String> bases, Map<String, RdapAnswer> answers) {
    for (String ip : ips) {
      String canonical = Domains.canonicalIp(ip).orElseThrow();
      // An earlier answer of this run may already cover the address.
      Optional<RdapNetwork> known = cache.find(canonical, clock.instant());
      Optional<HttpRequest> request = request(bases.get(ip) + "ip/" + canonical);
      try {
        answers.put(
            ip,
            known.isPresent()
                ? RdapAnswer.of(ip, known.get())
                : request.isEmpty()
                    ? RdapAnswer.failed(ip, registry, "bad RDAP URL")
                    : ask(ip, request.get()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The GET for a URL, or empty when a bootstrap file gave a base that makes no URL. */
  private Optional<HttpRequest> request(String url) {
    try {
      return Optional.of(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(limits.timeout())
              .header("Accept", "application/rdap+json")
              .GET()
              .build());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private RdapAnswer ask(String ip, HttpRequest request) throws InterruptedException {
    boolean retried = false;
    Duration waited = Duration.ZERO;
    for (int tries = 1; ; tries++) {
      pace();
      requests.incrementAndGet();
      HttpResponse<byte[]> response;
      try {
        response = send(request);
      } catch (LimitedBody.TooLarge e) {
        return RdapAnswer.failed(ip, registry, "answer too large");
      } catch (TimeoutException | IOException e) {
        if (!retried) {
          retried = true;
          continue;
        }
        return RdapAnswer.failed(
            ip, registry, e instanceof TimeoutException ? "timeout" : "connection failed");
      }
      int status = response.statusCode();
      String answeredBy = RdapBootstrap.registry(response.uri().toString());
      if (status == 200) {
        RdapResponses.Parsed parsed =
            RdapResponses.parse(response.body(), ip, answeredBy, clock.instant());
        if (parsed.network() == null) {
          return RdapAnswer.failed(ip, answeredBy, parsed.failure());
        }
        cache.put(parsed.network());
        return RdapAnswer.of(ip, parsed.network());
      }
      if (status == 429) {
        Duration wait = retryAfter(response.headers().firstValue("Retry-After"), clock.instant());
        if (tries >= MAX_TRIES || waited.plus(wait).compareTo(limits.patience()) > 0) {
          return RdapAnswer.failed(
              ip,
              answeredBy,
              "http 429 (gave up after " + tries + (tries == 1 ? " try)" : " tries)"));
        }
        waited = waited.plus(wait);
        Instant until = clock.instant().plus(wait);
        next = next == null || until.isAfter(next) ? until : next;
        continue;
      }
      if (status >= 500 && !retried) {
        retried = true;
        continue;
      }
      return RdapAnswer.failed(ip, answeredBy, "http " + status);
    }
  }

  /** Sleeps until this registry may be asked again, and books the next turn. */
  private void pace() throws InterruptedException {
    Instant now = clock.instant();
    if (next != null && now.isBefore(next)) {
      sleeper.sleep(Duration.between(now, next));
      now = clock.instant().isBefore(next) ? next : clock.instant();
    }
    next = now.plus(limits.spacingFor(registry));
  }

  /** The whole exchange, body included, within the timeout (a stalled body must not hang). */
  private HttpResponse<byte[]> send(HttpRequest request)
      throws IOException, TimeoutException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, LimitedBody.handler(MAX_BODY));
    try {
      return exchange.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw new TimeoutException("RDAP request timed out");
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** A Retry-After header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  static Duration retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return UNSAID_RETRY;
    }
    String value = header.get().strip();
    if (value.matches("[0-9]+")) {
      return Duration.ofSeconds(value.length() > 9 ? 999_999_999L : Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeException e) {
      return UNSAID_RETRY;
    }
  }
}
