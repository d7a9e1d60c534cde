package org.probehunt.pass;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * taken from a window of the entry's last {@value #RECENT} requests, when all of them are still in
 * it, as they are for a scanner that fetches a page or two and then probes.
 *
 * <p>A host whose earlier requests had left the window, or that probed only in other entries, is
 * left to the join back, and {@link #clients} says which entries it may be in. Holds the window,
 * one slot per distinct client and one entry per probing host: never a list per client. The window
 * keeps lines as bytes in one array, not as parsed requests: a young collection copies whatever a
 * task still refers to, and thousands of recent requests, each with its strings, made every
 * collection of the scan copy megabytes.
 */
final class ProbingHosts {
  /**
   * The window: 40 seconds of traffic at a hundred requests a second. A larger one finds no more
   * scanners, which fetch a page or two just before they probe, and pushes the table of clients out
   * of the processor's cache.
   */
  static final int RECENT = 4096;

  /** The window's room for its lines: it ends at whichever of the two fills first. */
  private static final int RECENT_BYTES = 1 << 20;

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

  /** The oldest request still whole in the window: its slot is {@code kept % RECENT}. */
  private long kept;

  /** The line of the last request that left the window. */
  private long gone = Long.MIN_VALUE;

  /** Requests on this line or before it are no longer in the window, whatever it still holds. */
  private long horizon = Long.MIN_VALUE;

  private final ClientLines clients = new ClientLines();

  /** Each host that probed in the entry, and whether the pass yielded all of its requests. */
  private final Map<String, Boolean> probers = new HashMap<>();

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
    int slot = clients.slot(hash, lineNo);
    Boolean whole = clients.probing(slot) ? probers.get(host) : null;
    if (detection.probe()) {
      if (whole == null) {
        // The host's first probe here: its earlier requests are in the window if the first of
        // them (or of another client of its hash, which came no later) is.
        whole = clients.firstLine(slot) > oldestGoneLine();
        if (whole) {
          yieldRecent(host, hash, out);
        }
        probers.put(host, whole);
        clients.markProbing(slot);
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
   * Empties the window after line {@code lineNo}, whose kind of line (a W3C directive) may change
   * how the lines after it are read: a line is parsed again only as it was parsed first.
   */
  void forget(long lineNo) {
    horizon = lineNo;
  }

  /** The account of the entry's clients, once every request was taken. */
  EntryClients clients(String path, String source) {
    Set<String> whole = new HashSet<>();
    probers.forEach(
        (host, all) -> {
          if (all) {
            whole.add(host);
          }
        });
    return new EntryClients(path, source, clients.hashes(), whole);
  }

  /** The last line that left the window, or was forgotten; none has while it was never full. */
  private long oldestGoneLine() {
    return Math.max(horizon, gone);
  }

  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the line is ASCII
  private void remember(long lineNo, String line, long hash) {
    int length = line.length();
    if (length > RECENT_BYTES) {
      horizon = lineNo; // a line that does not fit empties the window
      return;
    }
    int i = (int) (taken % RECENT);
    if (taken - kept == RECENT) {
      gone = recentLines[i]; // the oldest request leaves for this one
      kept++;
    }
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
      gone = recentLines[(int) (kept++ % RECENT)]; // its bytes were written over
    }
  }

  /** Yields the window's requests of {@code host}, oldest first. */
  private void yieldRecent(String host, long hash, Queue<PassEvent> out) {
    for (long n = kept; n < taken; n++) {
      int i = (int) (n % RECENT);
      if (recentHashes[i] == hash && recentLines[i] > horizon) {
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

  /**
   * The entry's distinct client hashes, each with the line it first came on and whether a probing
   * host has it: open addressing, at most three quarters full, a slot's two {@code long}s side by
   * side so that a lookup touches one place in memory. Two clients of one hash would share a slot,
   * so their first line is the earlier of theirs; a first line past {@link #LINE_CAP} is kept as
   * the cap. Both only ever make a host look less whole.
   */
  private static final class ClientLines {
    private static final long PROBING = 1L << 62;
    private static final long LINE_CAP = PROBING - 2;
    private static final long LINE_BITS = PROBING - 1;

    /** At 2i the hash, at 2i + 1 probing << 62 | (first line + 1); a free slot's is 0. */
    private long[] slots = new long[2 * 1024];

    private int shift = Integer.numberOfLeadingZeros(1024) + 1;
    private int size;

    /** The slot of {@code hash}, made with first line {@code line} if it is new. */
    int slot(long hash, long line) {
      int mask = capacity() - 1;
      int i = home(hash);
      while (slots[2 * i + 1] != 0) {
        if (slots[2 * i] == hash) {
          return i;
        }
        i = (i + 1) & mask;
      }
      if (4 * (size + 1) > 3 * capacity()) {
        grow();
        return slot(hash, line);
      }
      slots[2 * i] = hash;
      slots[2 * i + 1] = Math.min(Math.max(line, 0), LINE_CAP) + 1;
      size++;
      return i;
    }

    long firstLine(int slot) {
      return (slots[2 * slot + 1] & LINE_BITS) - 1;
    }

    boolean probing(int slot) {
      return (slots[2 * slot + 1] & PROBING) != 0;
    }

    void markProbing(int slot) {
      slots[2 * slot + 1] |= PROBING;
    }

    /** Every hash, sorted. */
    long[] hashes() {
      long[] all = new long[size];
      int n = 0;
      for (int i = 0; i < capacity(); i++) {
        if (slots[2 * i + 1] != 0) {
          all[n++] = slots[2 * i];
        }
      }
      Arrays.sort(all);
      return all;
    }

    private int capacity() {
      return slots.length / 2;
    }

    /** The hash's top bits: a well mixed hash needs no more. */
    private int home(long hash) {
      return (int) (hash >>> (32 + shift));
    }

    private void grow() {
      long[] old = slots;
      int capacity = old.length;
      slots = new long[2 * capacity];
      shift = Integer.numberOfLeadingZeros(capacity) + 1;
      for (int j = 0; j < old.length; j += 2) {
        if (old[j + 1] != 0) {
          int i = home(old[j]);
          while (slots[2 * i + 1] != 0) {
            i = (i + 1) & (capacity - 1);
          }
          slots[2 * i] = old[j];
          slots[2 * i + 1] = old[j + 1];
        }
      }
    }
  }
}
