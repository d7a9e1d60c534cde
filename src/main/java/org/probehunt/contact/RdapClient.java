package org.probehunt.contact;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Abuse mailboxes from the registries' RDAP servers, for {@code --rdap}: the cache first, then the
 * server the bootstrap names, each registry asked by its own worker at its own pace (see {@link
 * RdapLimits}) while the registries are asked in parallel. Every address gets an answer; one that
 * failed says why. Networks found go into the cache, so an address inside a network already known
 * is never asked again.
 */
public final class RdapClient implements AutoCloseable {
  /** Waits; tests pass one that moves a fake clock instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RdapBootstrap bootstrap;
  private final RdapCache cache;
  private final RdapLimits limits;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ExecutorService workers;
  private final ExecutorService httpThreads;
  private final HttpClient http;
  private final AtomicInteger requests = new AtomicInteger();

  /** A client on the system clock that really sleeps. */
  public RdapClient(RdapBootstrap bootstrap, RdapCache cache, RdapLimits limits) {
    this(bootstrap, cache, limits, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  public RdapClient(
      RdapBootstrap bootstrap, RdapCache cache, RdapLimits limits, Clock clock, Sleeper sleeper) {
    this.bootstrap = bootstrap;
    this.cache = cache;
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
    this.workers = Executors.newCachedThreadPool(DaemonThreads.named("rdap-registry"));
    this.httpThreads = Executors.newCachedThreadPool(DaemonThreads.named("rdap-http"));
    // NORMAL follows redirects (registries send transferred space to each other) but never
    // from https down to http.
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(limits.timeout())
            .executor(httpThreads)
            .build();
  }

  /**
   * An answer for every distinct address given, keyed and ordered as given. Addresses are asked
   * registry by registry, each registry's in address order so that one answer covers the neighbours
   * in its network.
   */
  public Map<String, RdapAnswer> lookupAll(Collection<String> ips) {
    Map<String, RdapAnswer> answers = new ConcurrentHashMap<>();
    Map<String, List<String>> byRegistry = new TreeMap<>();
    Map<String, String> bases = new LinkedHashMap<>();
    Collection<String> distinct = new LinkedHashSet<>(ips);
    for (String ip : distinct) {
      Optional<String> canonical = Domains.canonicalIp(ip);
      Optional<RdapNetwork> known = canonical.flatMap(c -> cache.find(c, clock.instant()));
      Optional<String> base = canonical.flatMap(bootstrap::baseFor);
      if (canonical.isEmpty()) {
        answers.put(ip, RdapAnswer.failed(ip, null, "not an IP address"));
      } else if (known.isPresent()) {
        answers.put(ip, RdapAnswer.of(ip, known.get()));
      } else if (base.isEmpty()) {
        answers.put(ip, RdapAnswer.failed(ip, null, "no RDAP service for address"));
      } else {
        bases.put(ip, base.get());
        byRegistry
            .computeIfAbsent(RdapBootstrap.registry(base.get()), r -> new ArrayList<>())
            .add(ip);
      }
    }
    List<Future<?>> running = new ArrayList<>();
    for (Map.Entry<String, List<String>> registry : byRegistry.entrySet()) {
      RdapWorker worker = worker(registry.getKey());
      List<String> queue = sorted(registry.getValue());
      running.add(workers.submit(() -> worker.run(queue, bases, answers)));
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        // A worker that broke leaves its addresses unanswered; they are filled in below.
      }
    }
    String unasked = Thread.currentThread().isInterrupted() ? "interrupted" : "not asked";
    Map<String, RdapAnswer> ordered = new LinkedHashMap<>();
    for (String ip : distinct) {
      ordered.put(
          ip,
          answers.getOrDefault(
              ip,
              RdapAnswer.failed(
                  ip,
                  bases.containsKey(ip) ? RdapBootstrap.registry(bases.get(ip)) : null,
                  unasked)));
    }
    return ordered;
  }

  /** HTTP requests sent so far, retries included. */
  public int requests() {
    return requests.get();
  }

  /** The cache, with the networks found so far; the caller writes it back. */
  public RdapCache cache() {
    return cache;
  }

  private RdapWorker worker(String registry) {
    return new RdapWorker(registry, http, cache, limits, clock, sleeper, requests);
  }

  private static List<String> sorted(List<String> ips) {
    Comparator<String> byAddress =
        Comparator.comparing(
            ip -> IpAddresses.parse(ip).map(IpAddresses::bits).orElse(BigInteger.ZERO));
    return ips.stream().sorted(byAddress).toList();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    httpThreads.shutdownNow();
  }
}
