package org.probehunt.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A task's events in lists of at most {@link #SIZE}, the unit the first pass's output is cached in.
 * One list per task made a file of a million probes one object too big for the heap, which Spark
 * can neither keep nor move to disk; one entry per event made Spark sample the cached partition's
 * size again at every tenth of growth, which cost 7% of a busy month's task CPU.
 */
final class EventChunks<T> implements Iterator<List<T>> {
  static final int SIZE = 4096;

  private final Iterator<T> events;

  private EventChunks(Iterator<T> events) {
    this.events = events;
  }

  static <T> Iterator<List<T>> of(Iterator<T> events) {
    return new EventChunks<>(events);
  }

  @Override
  public boolean hasNext() {
    return events.hasNext();
  }

  @Override
  public List<T> next() {
    if (!events.hasNext()) {
      throw new NoSuchElementException();
    }
    List<T> chunk = new ArrayList<>(SIZE);
    while (chunk.size() < SIZE && events.hasNext()) {
      chunk.add(events.next());
    }
    return chunk;
  }
}
