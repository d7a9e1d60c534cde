package org.probehunt.bench;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The drive-by scanners of one corpus file, as a busy month has thousands: each visits once, sends
 * one to eight probes and fetches one to four pages or assets, its requests a few lines apart among
 * the other traffic. With {@link CorpusSpec#returning}, some come back in another file for a page
 * or two and no probe. Holds only this file's visits, never lines.
 */
final class DriveBys {
  static final int MAX_PROBES = 8;
  static final int MAX_FETCHES = 4;

  /** The most lines one visit writes; every file must have room for all of its visits. */
  static final int MAX_VISIT = MAX_PROBES + MAX_FETCHES;

  /** The most pages a drive-by fetches when it comes back. */
  static final int MAX_RETURN = 2;

  /** Lines between two requests of a visit, at most: seconds apart at a busy site's rate. */
  private static final int MAX_GAP = 40;

  private final Clients clients;
  private final SplittableRandom r;
  private final PriorityQueue<Visit> queue =
      new PriorityQueue<>(
          Comparator.comparingLong((Visit v) -> v.next).thenComparingInt(v -> v.driveBy));
  private long pending;

  /** Schedules the visits of file {@code file}: drive-by d visits file d mod files. */
  DriveBys(CorpusSpec spec, Clients clients, int file) {
    this.clients = clients;
    this.r = new SplittableRandom(Clients.mix(spec.seed(), (5L << 40) + file));
    long lines = spec.linesOf(file);
    for (int d = file; d < clients.driveByCount(); d += spec.files()) {
      // Most drive-bys try a probe or two and move on; few try all they have.
      double u = r.nextDouble();
      Visit v =
          new Visit(
              d, 1 + (int) (MAX_PROBES * u * u), 1 + r.nextInt(MAX_FETCHES), r.nextLong(lines));
      queue.add(v);
      pending += v.probes + v.fetches;
    }
    for (int d = 0; d < clients.driveByCount() && spec.returning() > 0; d++) {
      if (returnFile(spec, d) == file) {
        Visit v = new Visit(d, 0, 1 + r.nextInt(MAX_RETURN), r.nextLong(lines));
        queue.add(v);
        pending += v.fetches;
      }
    }
  }

  /**
   * The file drive-by {@code d} comes back in, another than its first; -1 when it does not come
   * back (as {@link CorpusSpec#returning} says for so many in a hundred).
   */
  static int returnFile(CorpusSpec spec, int d) {
    if (spec.files() < 2 || Clients.mix(spec.seed(), (6L << 40) + d) % 100 >= spec.returning()) {
      return -1;
    }
    long later = 1 + Clients.mix(spec.seed(), (7L << 40) + d) % (spec.files() - 1);
    return (int) ((d % spec.files() + later) % spec.files());
  }

  /**
   * Whether line {@code line} (0-based) of a file of {@code lines} is a drive-by's: a visit is due,
   * or the requests still to come need every line that is left.
   */
  boolean due(long line, long lines) {
    return !queue.isEmpty() && (queue.peek().next <= line || lines - line <= pending);
  }

  /** The address of the drive-by whose request comes next. */
  String address() {
    return clients.driveByAddresses().get(queue.element().driveBy);
  }

  /** Writes the next request of the visit due first, from the request line to the user agent. */
  void send(AsciiBuffer out, long line) {
    Visit v = queue.remove();
    int kit = clients.driveByKit(v.driveBy);
    String agent = Probes.agent(kit, v.driveBy);
    if (r.nextInt(v.probes + v.fetches) < v.probes) {
      Probes.probe(out, r, kit, agent);
      v.probes--;
    } else {
      Traffic.fetch(out, r, agent);
      v.fetches--;
    }
    pending--;
    if (v.probes + v.fetches > 0) {
      v.next = line + 1 + r.nextInt(MAX_GAP);
      queue.add(v);
    }
  }

  /** One drive-by's visit: what it still has to send and on which line it comes next. */
  private static final class Visit {
    final int driveBy;
    int probes;
    int fetches;
    long next;

    Visit(int driveBy, int probes, int fetches, long next) {
      this.driveBy = driveBy;
      this.probes = probes;
      this.fetches = fetches;
      this.next = next;
    }
  }
}
