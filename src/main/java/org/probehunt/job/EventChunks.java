package org.probehunt.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.util.KnownSizeEstimation;
import org.probehunt.pass.PassEvent;

/**
 * A task's events in lists, the unit the first pass's output is cached in: at most {@link
 * #MAX_EVENTS} events and about {@link #MAX_BYTES} bytes each, and each list tells Spark its own
 * size ({@link Footprint#event}).
 *
 * <p>One list per task made a file of a million probes one object too big for the heap, which Spark
 * can neither keep nor move to disk; one entry per event made Spark sample the cached partition's
 * size again at every tenth of growth, which cost 7% of a busy month's task CPU.
 *
 * <p>The bound in bytes is for the partitions Spark moves to disk. Its Java serialization stream
 * holds on to every object it has written until it resets, after 100 lists ({@code
 * spark.serializer.objectStreamReset}): lists of 4,096 events kept 400,000 of them, and a month of
 * 400,000 scanners in 20M lines ran out of the 1 GiB heap in its scan, where Spark counted 260 MiB
 * of its own. A hundred lists of 256 KiB hold 25 MiB.
 */
final class EventChunks implements Iterator<List<PassEvent>> {
  static final int MAX_EVENTS = 4096;
  static final long MAX_BYTES = 256 << 10;

  /** A list of events that knows the memory they take, so that Spark need not walk them. */
  static final class Chunk extends ArrayList<PassEvent> implements KnownSizeEstimation {
    private static final long serialVersionUID = 1L;

    /** What the events take, without the list. */
    private long eventBytes;

    @Override
    public boolean add(PassEvent event) {
      eventBytes += Footprint.event(event);
      return super.add(event);
    }

    boolean full() {
      return size() >= MAX_EVENTS || eventBytes >= MAX_BYTES;
    }

    /** The list, once trimmed to its events, and the events. */
    @Override
    public long estimatedSize() {
      return 24 + Footprint.array(4L * size()) + eventBytes;
    }
  }

  private final Iterator<PassEvent> events;

  private EventChunks(Iterator<PassEvent> events) {
    this.events = events;
  }

  static Iterator<List<PassEvent>> of(Iterator<PassEvent> events) {
    return new EventChunks(events);
  }

  @Override
  public boolean hasNext() {
    return events.hasNext();
  }

  @Override
  public List<PassEvent> next() {
    if (!events.hasNext()) {
      throw new NoSuchElementException();
    }
    Chunk chunk = new Chunk();
    while (!chunk.full() && events.hasNext()) {
      chunk.add(events.next());
    }
    chunk.trimToSize();
    return chunk;
  }
}
