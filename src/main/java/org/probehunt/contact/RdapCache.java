package org.probehunt.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --rdap-cache} file, so that a network is asked once across runs: one JSON object per
 * line and network, sorted by range, e.g.
 *
 * <pre>{"first":"192.0.2.0","last":"192.0.2.255","registry":"arin",
 * "mailbox":"abuse@example.net","holder":"Example Org","handle":"NET-192-0-2-0-1",
 * "fetched":"2026-01-31T09:00:00Z"}</pre>
 *
 * {@code mailbox}, {@code holder} and {@code handle} may be null (a network without an abuse
 * contact is remembered too). Entries older than {@link #MAX_AGE} are not used, and are replaced
 * when asked again. Thread-safe: each registry's worker reads and adds entries.
 */
public final class RdapCache {
  /** After this, a network's contact is asked again: mailboxes and holders do change. */
  public static final Duration MAX_AGE = Duration.ofDays(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Entry(BigInteger start, BigInteger end, RdapNetwork network) {
    boolean contains(BigInteger address) {
      return start.compareTo(address) <= 0 && address.compareTo(end) <= 0;
    }

    boolean overlaps(Entry other) {
      return start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
    }

    boolean fresh(Instant now) {
      return !network.fetched().plus(MAX_AGE).isBefore(now);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private int skipped;

  /** An empty cache, for a first run or when no file is given. */
  public RdapCache() {}

  /** Reads a cache file, not closing it; damaged lines are skipped and counted. */
  public static RdapCache load(InputStream in) throws IOException {
    RdapCache cache = new RdapCache();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      Optional<Entry> entry = parse(line);
      if (entry.isPresent()) {
        cache.add(entry.get());
      } else {
        cache.skipped++;
      }
    }
    return cache;
  }

  /** Writes every entry, one line each, sorted by range; flushes but does not close. */
  public synchronized void write(OutputStream out) throws IOException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::start).thenComparing(Entry::end));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (Entry entry : sorted) {
      RdapNetwork n = entry.network();
      ObjectNode line =
          JSON.createObjectNode()
              .put("first", n.first())
              .put("last", n.last())
              .put("registry", n.registry())
              .put("mailbox", n.mailbox())
              .put("holder", n.holder())
              .put("handle", n.handle())
              .put("fetched", n.fetched().toString());
      writer.write(JSON.writeValueAsString(line));
      writer.write('\n');
    }
    writer.flush();
  }

  /** The smallest fresh network holding the address, if any. */
  public synchronized Optional<RdapNetwork> find(String ip, Instant now) {
    Optional<InetAddress> address = IpAddresses.parse(ip);
    if (address.isEmpty() || !Domains.isIpLiteral(ip)) {
      return Optional.empty();
    }
    BigInteger bits = IpAddresses.bits(address.get());
    Entry best = null;
    for (Entry entry : entries) {
      if (entry.contains(bits)
          && entry.fresh(now)
          && (best == null
              || entry.end().subtract(entry.start()).compareTo(best.end().subtract(best.start()))
                  < 0)) {
        best = entry;
      }
    }
    return Optional.ofNullable(best).map(Entry::network);
  }

  /**
   * Remembers a network, replacing one of the same range and any stale one it overlaps (a network
   * that was split or merged since). Ignored when its range cannot be read.
   */
  public synchronized void put(RdapNetwork network) {
    Optional<Entry> entry = entry(network);
    if (entry.isEmpty()) {
      return;
    }
    Instant now = network.fetched();
    Entry added = entry.get();
    entries.removeIf(
        e ->
            e.start().equals(added.start()) && e.end().equals(added.end())
                || e.overlaps(added) && !e.fresh(now));
    entries.add(added);
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Lines of the loaded file that could not be read. */
  public synchronized int skipped() {
    return skipped;
  }

  private synchronized void add(Entry entry) {
    entries.removeIf(e -> e.start().equals(entry.start()) && e.end().equals(entry.end()));
    entries.add(entry);
  }

  private static Optional<Entry> parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null
          || !node.isObject()
          || !node.path("registry").isTextual()
          || !node.path("fetched").isTextual()) {
        return Optional.empty();
      }
      String mailbox = text(node, "mailbox");
      if (mailbox != null && Mailboxes.valid(mailbox).isEmpty()) {
        return Optional.empty();
      }
      return entry(
          new RdapNetwork(
              text(node, "first"),
              text(node, "last"),
              node.path("registry").asText(),
              mailbox,
              text(node, "holder"),
              text(node, "handle"),
              Instant.parse(node.path("fetched").asText())));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Entry> entry(RdapNetwork network) {
    Optional<InetAddress> first = IpAddresses.parse(network.first());
    Optional<InetAddress> last = IpAddresses.parse(network.last());
    if (first.isEmpty()
        || last.isEmpty()
        || network.fetched() == null
        || first.get().getAddress().length != last.get().getAddress().length) {
      return Optional.empty();
    }
    BigInteger start = IpAddresses.bits(first.get());
    BigInteger end = IpAddresses.bits(last.get());
    return start.compareTo(end) <= 0
        ? Optional.of(new Entry(start, end, network))
        : Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText() : null;
  }
}
