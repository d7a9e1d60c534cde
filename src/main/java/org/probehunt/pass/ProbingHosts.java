package org.probehunt.pass;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.probehunt.detect.Detection;
import org.probehunt.parse.Request;

/**
 * The first pass's keeper of one entry's probing hosts, so that the join back seldom has to read
 * the entry again: besides each probe it yields every other request of a host that probed in the
 * entry. Those after the host's first probe there are yielded as they come; those before it are
 * taken from a window of the entry's last {@value #RECENT} requests, when none of them has left it
 * yet, as none has for a scanner that fetches a page or two and then probes.
 *
 * <p>A host with a request that had left the window, or that probed only in other entries, is left
 * to the join back, and {@link #clients} says which entries it may be in.
 *
 * <p>Its cost is on every line of the scan, so it is kept small. The window holds lines as bytes in
 * one array, not as parsed requests: a young collection copies whatever a task still refers to, and
 * thousands of recent requests with their strings made every collection copy megabytes. The clients
 * are logged as they leave the window, a 64-bit hash appended to a list that is sorted now and
 * then: a table of every client, looked up on every line, missed the processor's cache on nearly
 * every line of a busy month (160,000 clients a file).
 */
final class ProbingHosts {
  /**
   * The window: ten seconds of traffic at a hundred requests a second; scanners fetch a page or two
   * just before they probe. Small, because every line is copied into it: with four times the room,
   * the copies pushed the rules' caches out of the processor's and the scan took 10% longer.
   */
  static final int RECENT = 1024;

  /** The window's room for its lines: it ends at whichever of the two fills first. */
  private static final int RECENT_BYTES = 1 << 18;

  /** Makes a line kept as text in the window a request again, as the pass first made it. */
  @FunctionalInterface
  interface Parse {
    LoggedRequest again(long lineNo, String text);
  }

  private final String source;
  private final Parse parse;
  private final byte[] text = new byte[RECENT_BYTES];
  private final long[] recentLines = new long[RECENT];
  private final long[] recentHashes = new long[RECENT];
  private final long[] recentStarts = new long[RECENT];
  private final int[] recentLengths = new int[RECENT];

  /** Requests ever put in the window; the next goes to slot {@code taken % RECENT}. */
  private long taken;

  /** Bytes ever written to {@link #text}; the next goes to {@code written % RECENT_BYTES}. */
  private long written;

  /** The oldest request still in the window: its slot is {@code kept % RECENT}. */
  private long kept;

  /** The clients of the requests that left the window. */
  private final HashLog left = new HashLog();

  /** Each host that probed in the entry, and whether the pass yielded all of its requests. */
  private final Map<String, Boolean> probers = new HashMap<>();

  /**
   * A bit for each of 65,536 slices of the hashes, set once a prober's hash falls in it: most lines
   * are not a prober's, and this says so without a lookup in {@link #probers}.
   */
  private final long[] proberBits = new long[(1 << 16) / 64];

  /** The keeper for the entry {@code source}, whose earlier lines {@code parse} reads again. */
  ProbingHosts(String source, Parse parse) {
    this.source = source;
    this.parse = parse;
  }

  /**
   * Takes the entry's next request in the time window, in line order, and adds to {@code out} what
   * the pass yields for it: the probe, or a probing host's other request, or nothing yet.
   */
  void take(long lineNo, String line, Request request, Detection detection, Queue<PassEvent> out) {
    String host = request.host();
    if (host == null) {
      if (detection.probe()) {
        // No host to join back on: the probe alone is all there is.
        out.add(new LoggedRequest(source, lineNo, line, request, detection));
      }
      return;
    }
    long hash = ClientHashes.hash(host);
    int bit = (int) (hash >>> 48);
    long mask = 1L << (bit & 63);
    Boolean whole = (proberBits[bit >>> 6] & mask) != 0 ? probers.get(host) : null;
    if (detection.probe()) {
      if (whole == null) {
        // The host's first probe here: all of its earlier requests are in the window unless one
        // of them (or another client's of its hash) has left it.
        whole = !left.contains(hash);
        if (whole) {
          yieldRecent(host, hash, out);
        }
        probers.put(host, whole);
        proberBits[bit >>> 6] |= mask;
      }
      out.add(new LoggedRequest(source, lineNo, line, request, detection));
    } else if (whole != null) {
      if (whole) {
        out.add(new LoggedRequest(source, lineNo, line, request, detection));
      }
    } else {
      remember(lineNo, line, hash);
    }
  }

  /**
   * Empties the window after a line (a W3C directive) that may change how the lines after it are
   * read: a line is parsed again only as it was parsed first.
   */
  void forget() {
    while (kept < taken) {
      leave();
    }
  }

  /** The account of the entry's clients, once every request was taken. */
  EntryClients clients(String path, String source) {
    forget();
    Set<String> whole = new HashSet<>();
    probers.forEach(
        (host, all) -> {
          if (all) {
            whole.add(host);
          }
        });
    // Every client but a whole prober had a request in the window, and it has left now.
    return new EntryClients(path, source, left.sorted(), whole);
  }

  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the line is ASCII
  private void remember(long lineNo, String line, long hash) {
    int length = line.length();
    if (length > RECENT_BYTES) {
      left.add(hash); // a line that does not fit leaves at once
      return;
    }
    if (taken - kept == RECENT) {
      leave();
    }
    int i = (int) (taken % RECENT);
    recentLines[i] = lineNo;
    recentHashes[i] = hash;
    recentStarts[i] = written;
    recentLengths[i] = length;
    int at = (int) (written % RECENT_BYTES);
    int first = Math.min(length, RECENT_BYTES - at);
    line.getBytes(0, first, text, at);
    line.getBytes(first, length, text, 0);
    written += length;
    taken++;
    while (recentStarts[(int) (kept % RECENT)] < written - RECENT_BYTES) {
      leave(); // its bytes were written over
    }
  }

  /** The oldest request leaves the window. */
  private void leave() {
    left.add(recentHashes[(int) (kept++ % RECENT)]);
  }

  /** Yields the window's requests of {@code host}, oldest first. */
  private void yieldRecent(String host, long hash, Queue<PassEvent> out) {
    for (long n = kept; n < taken; n++) {
      int i = (int) (n % RECENT);
      if (recentHashes[i] == hash) {
        LoggedRequest again = parse.again(recentLines[i], textOf(i));
        if (again != null && host.equals(again.request().host())) {
          out.add(again);
        }
      }
    }
  }

  private String textOf(int i) {
    int length = recentLengths[i];
    int at = (int) (recentStarts[i] % RECENT_BYTES);
    int first = Math.min(length, RECENT_BYTES - at);
    if (first == length) {
      return new String(text, at, length, StandardCharsets.ISO_8859_1);
    }
    byte[] joined = new byte[length];
    System.arraycopy(text, at, joined, 0, first);
    System.arraycopy(text, 0, joined, first, length - first);
    return new String(joined, StandardCharsets.ISO_8859_1);
  }
}
