package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reverse lookups for {@code --resolve}: cached, with a timeout per address, since the system
 * resolver can block for a long time. A name is only returned when it is a valid host name.
 */
public final class ReverseDns implements AutoCloseable {
  private final Duration timeout;
  private final ExecutorService executor;
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  /** Lookups run on {@code threads} daemon threads, each given up to {@code timeout}. */
  public ReverseDns(Duration timeout, int threads) {
    this.timeout = timeout;
    this.executor = Executors.newFixedThreadPool(threads, DaemonThreads.named("reverse-dns"));
  }

  /** The host name of an IP literal, or empty on no answer, a timeout or a bad name. */
  public Optional<String> lookup(String ip) {
    Optional<String> canonical = Domains.canonicalIp(ip);
    if (canonical.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> known = cache.get(canonical.get());
    if (known != null) {
      return known;
    }
    Optional<String> name = resolve(canonical.get());
    // A timeout is cached too: asking again would only wait again.
    cache.put(canonical.get(), name);
    return name;
  }

  /** Number of addresses looked up so far. */
  public int cached() {
    return cache.size();
  }

  private Optional<String> resolve(String ip) {
    Future<String> answer = executor.submit(() -> canonicalName(ip));
    try {
      String name = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (name == null || name.equals(ip) || !Domains.isHostName(name)) {
        return Optional.empty();
      }
      return Optional.of(Domains.normalise(name).orElseThrow().toLowerCase(Locale.ROOT));
    } catch (TimeoutException e) {
      answer.cancel(true);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String canonicalName(String ip) throws UnknownHostException {
    byte[] bytes = InetAddresses.forString(ip).getAddress();
    // getByAddress never queries DNS; getCanonicalHostName does the PTR lookup.
    return InetAddress.getByAddress(bytes).getCanonicalHostName();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
