package org.probehunt.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.probehunt.contact.Contact;
import org.probehunt.contact.HostFinding;
import org.probehunt.notify.Evidence;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.notify.Notices;
import org.probehunt.notify.TemplateSet;

/**
 * Times the rendering of a busy month's drafts in this JVM, from its start: the English and the
 * Japanese draft of each of {@code CONTACTS} contacts, address blocks of one to three drive-by
 * scanners each, with a few probes and page fetches over a month, as jobs/bench's busy month has
 * them. A month's drafts are written by a JVM that has rendered none before, so this is the time
 * that counts, JIT compilation and all; jobs/bench-drafts runs it in a fresh JVM per round.
 * Arguments: contacts (default 17,500, i.e. 35,000 drafts), then the Japanese charset (default
 * UTF-8).
 */
public final class DraftBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int EARLY = 4_000;
  private static final long SEED = 19981123L;

  private DraftBenchmark() {}

  public static void main(String[] args) throws IOException {
    int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 17_500;
    String jaCharset = args.length > 1 ? args[1] : "UTF-8";
    NoticeSettings settings =
        new NoticeSettings(
            "www.myname.co.jp", "Suzuki", null, jaCharset, 200, false, TemplateSet.defaults());
    Random random = new Random(SEED);
    long wallStart = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long early = 0;
    long bytes = 0;
    int drafts = 0;
    for (int i = 0; i < contacts; i++) {
      String block = "11." + (i / 62_500) + "." + (i / 250 % 250) + "." + (i % 250 / 10 * 10);
      List<HostFinding> hosts = new ArrayList<>();
      List<String> evidence = new ArrayList<>();
      int scanners = 1 + random.nextInt(3);
      for (int s = 0; s < scanners; s++) {
        scanner(block.substring(0, block.lastIndexOf('.') + 1) + (s + 1), random, hosts, evidence);
      }
      Contact contact =
          new Contact("net_" + block.replace('.', '-') + "_24", List.of(), null, null, null, null);
      // As a run drafts: a contact's letter once, then each language's draft.
      Notices.Letter letter = Notices.letter(contact, hosts, Evidence.of(evidence), settings);
      for (String lang : TemplateSet.LANGUAGES) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 13);
        Notices.write(letter, lang, out);
        bytes += out.size();
        if (++drafts == EARLY) {
          early = System.nanoTime() - wallStart;
        }
      }
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "drafts %d (%d MB): first %d in %.3f s, all in %.3f s (%.0f per second), rendering thread"
            + " %.3f CPU-s%n",
        drafts,
        bytes >> 20,
        Math.min(EARLY, drafts),
        (early == 0 ? System.nanoTime() - wallStart : early) / 1e9,
        wall,
        drafts / wall,
        cpu);
  }

  /** One drive-by scanner at {@code address}: a few page fetches and probes on one day. */
  private static void scanner(
      String address, Random random, List<HostFinding> hosts, List<String> evidence) {
    int day = 1 + random.nextInt(30);
    int probes = 1 + random.nextInt(8);
    int requests = probes + random.nextInt(4);
    String first = String.format(Locale.ROOT, "2025-10-%02dT01:42:15+09:00", day);
    String last = String.format(Locale.ROOT, "2025-10-%02dT01:42:%02d+09:00", day, 15 + requests);
    hosts.add(
        new HostFinding(
            address,
            first,
            last,
            probes,
            requests,
            List.of("phf", "test-cgi"),
            List.of("cgi"),
            address.substring(0, address.lastIndexOf('.')) + ".0/24",
            null,
            null));
    for (int r = 0; r < requests; r++) {
      String target = r < probes ? "/cgi-bin/phf?Qalias=x%0a/bin/cat%20/etc/passwd" : "/";
      evidence.add(
          String.format(
              Locale.ROOT,
              "%s - - [%02d/Oct/2025:01:42:%02d +0900] \"GET %s HTTP/1.1\" 404 196 \"-\""
                  + " \"Mozilla/5.0 (compatible; scan)\"",
              address,
              day,
              15 + r,
              target));
    }
  }
}
