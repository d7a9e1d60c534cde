package org.probehunt.contact;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real RDAP "registry" on 127.0.0.1: {@code /rdap/ip/ADDRESS} answers with the replies given for
 * that address in turn, the last one repeating; other paths get a 404 as RDAP servers send. It
 * records each request's path, Accept header and time (on the clock given).
 */
final class RdapTestServer implements AutoCloseable {
  /** One scripted reply. */
  interface Reply {
    void send(HttpExchange exchange) throws IOException;
  }

  /** One request as received. */
  record Hit(String path, String accept, Instant at) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
  private final List<Hit> hits = new ArrayList<>();
  private final Clock clock;

  private RdapTestServer(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static RdapTestServer start(Clock clock) throws IOException {
    return new RdapTestServer(clock);
  }

  /** The base URL to put in a bootstrap file. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rdap/";
  }

  /** The registry name the client gives this server. */
  String registry() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  RdapTestServer on(String ip, Reply... script) {
    replies.put("/rdap/ip/" + ip, new ArrayDeque<>(List.of(script)));
    return this;
  }

  synchronized List<Hit> hits() {
    return List.copyOf(hits);
  }

  synchronized long hits(String ip) {
    return hits.stream().filter(h -> h.path().equals("/rdap/ip/" + ip)).count();
  }

  static Reply json(byte[] body) {
    return exchange -> send(exchange, 200, body, "application/rdap+json");
  }

  static Reply json(String body) {
    return json(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A status without a body, with header name/value pairs. */
  static Reply status(int code, String... headers) {
    return exchange -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      send(exchange, code, new byte[0], "application/rdap+json");
    };
  }

  static Reply redirect(String location) {
    return status(301, "Location", location);
  }

  /** Answers only after a real wait, to outlast the client's timeout. */
  static Reply slow(Duration wait, Reply then) {
    return exchange -> {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.send(exchange);
    };
  }

  /** Counts down, then waits (up to 5 s) for the others: whether they came is noted. */
  static Reply meet(CountDownLatch all, AtomicBoolean met, Reply then) {
    return exchange -> {
      all.countDown();
      try {
        met.set(all.await(5, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.send(exchange);
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    synchronized (this) {
      hits.add(new Hit(path, exchange.getRequestHeaders().getFirst("Accept"), clock.instant()));
    }
    Deque<Reply> script = replies.get(path);
    Reply reply;
    synchronized (this) {
      reply = script == null ? null : script.size() > 1 ? script.poll() : script.peek();
    }
    if (reply == null) {
      send(
          exchange,
          404,
          ("{\"errorCode\":404,\"title\":\"Not Found\",\"description\":"
                  + "[\"No network found for "
                  + path
                  + "\"]}")
              .getBytes(StandardCharsets.UTF_8),
          "application/rdap+json");
    } else {
      reply.send(exchange);
    }
  }

  private static void send(HttpExchange exchange, int code, byte[] body, String type)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
