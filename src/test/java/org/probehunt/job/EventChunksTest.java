package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.util.SizeEstimator;
import org.junit.jupiter.api.Test;
import org.probehunt.detect.RuleSet;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.Request;
import org.probehunt.pass.EntryClients;
import org.probehunt.pass.EntryTally;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassEvent;
import org.probehunt.pass.RejectedLine;

/**
 * The lists the first pass's output is cached in: bounded in events and in bytes, in order, and
 * weighing for Spark what its own walk of the same events gives.
 */
class EventChunksTest {
  private static final RuleSet RULES = RuleSet.defaults();

  /** A Combined line of {@code padding} more characters of user agent; every third one a probe. */
  private static LoggedRequest request(int i, int padding) {
    String line =
        String.format(
            "198.51.%d.%d - - [23/Nov/1998:19:%02d:17 +0900] \"GET /cgi-bin/%s?n=%d HTTP/1.0\" 404"
                + " %d \"http://example.com/page/%d\" \"Mozilla/5.0 (compatible; scan %d)%s\"",
            i / 256 % 256,
            i % 256,
            i % 60,
            i % 3 == 0 ? "phf" : "index.cgi",
            i,
            200 + i,
            i,
            i,
            "x".repeat(padding));
    Request r = assertInstanceOf(Request.class, LineParser.parse(line, LogFormat.COMBINED), line);
    return new LoggedRequest("access_log-0001.gz", i + 1L, line, r, RULES.match(r));
  }

  /** Requests, with a rejected line every 40 and the file's account and tally at the end. */
  private static List<PassEvent> events(int count, int padding) {
    List<PassEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(request(i, padding));
      if (i % 40 == 39) {
        events.add(new RejectedLine("access_log-0001.gz", i + 1L, "bad time", "garbage line " + i));
      }
    }
    long[] clients = new long[3000];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = 7919L * i;
    }
    events.add(
        new EntryClients(
            "/logs/access_log-0001.gz",
            "access_log-0001.gz",
            clients,
            Set.of("198.51.0.3", "198.51.0.6")));
    events.add(
        new EntryTally(
            "access_log-0001.gz", "gzip", null, "combined", count, count, 0, "read", "", 0));
    return events;
  }

  @Test
  void theEventsWeighAboutWhatSparksWalkGives() {
    // At most 400 entries, so that Spark's walk visits every event instead of sampling.
    for (int padding : new int[] {0, 300}) {
      List<PassEvent> events = events(380, padding);
      Object[] array = events.toArray();
      long walked = SizeEstimator.estimate(array);
      long ours = Footprint.array(4L * array.length);
      for (PassEvent e : events) {
        ours += Footprint.event(e);
      }
      double ratio = (double) ours / walked;
      assertTrue(ratio > 0.9 && ratio < 1.2, ours + " against Spark's " + walked);
    }
  }

  @Test
  void sparkTakesTheListsOwnSizeAndKeepsItThroughSerialization() throws Exception {
    Iterator<List<PassEvent>> chunks = EventChunks.of(events(300, 0).iterator());
    List<PassEvent> chunk = chunks.next();
    EventChunks.Chunk made = assertInstanceOf(EventChunks.Chunk.class, chunk);
    assertEquals(made.estimatedSize(), SizeEstimator.estimate(made));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(made);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      EventChunks.Chunk read = assertInstanceOf(EventChunks.Chunk.class, in.readObject());
      // The account of the file's clients has no equals of its own: compared as text.
      assertEquals(made.size(), read.size());
      assertTrue(made.toString().equals(read.toString()), "the same events, read back");
      assertEquals(made.estimatedSize(), read.estimatedSize());
    }
  }

  @Test
  void eachListEndsAtItsBoundInEventsOrInBytes() {
    // Small events: lists of MAX_EVENTS. Long lines: the bound in bytes ends them first.
    for (int padding : new int[] {0, 20_000}) {
      List<PassEvent> events = events(padding == 0 ? 9000 : 200, padding);
      List<PassEvent> joined = new ArrayList<>();
      Iterator<List<PassEvent>> chunks = EventChunks.of(events.iterator());
      int lists = 0;
      while (chunks.hasNext()) {
        List<PassEvent> chunk = chunks.next();
        lists++;
        long bytes = 0;
        for (PassEvent e : chunk.subList(0, chunk.size() - 1)) {
          bytes += Footprint.event(e);
        }
        assertTrue(chunk.size() <= EventChunks.MAX_EVENTS, chunk.size() + " events");
        // Only its last event may take a list past the bound in bytes.
        assertTrue(bytes < EventChunks.MAX_BYTES, bytes + " bytes before the last event");
        if (chunks.hasNext()) {
          long all = bytes + Footprint.event(chunk.get(chunk.size() - 1));
          assertTrue(
              chunk.size() == EventChunks.MAX_EVENTS || all >= EventChunks.MAX_BYTES,
              "a list that is not the last is full: " + chunk.size() + " events, " + all);
        }
        joined.addAll(chunk);
      }
      assertEquals(events, joined, "every event once, in order");
      assertTrue(lists > (padding == 0 ? 2 : 10), lists + " lists");
    }
  }
}
