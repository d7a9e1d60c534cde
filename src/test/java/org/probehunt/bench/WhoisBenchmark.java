package org.probehunt.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.probehunt.contact.FlaggedAddresses;
import org.probehunt.contact.RpslReader;
import org.probehunt.contact.WhoisRecord;

/**
 * Times {@link RpslReader} and {@link WhoisRecord#of} on one thread over a synthetic dump shaped
 * like RIPE's {@code ripe.db.inetnum} (allocations with their assignments, dummified remarks); run
 * by jobs/bench-whois: {@code WhoisBenchmark [--objects N] [--flagged N] [--rounds N]}. The dump is
 * written once per size under target/bench/whois/.
 */
public final class WhoisBenchmark {
  private static final long FIRST_ADDRESS = 2L << 24; // 2.0.0.0
  private static final int GROUP = 16; // an allocation /20 and 15 assignments inside it
  private static final String[] STATUSES = {"ASSIGNED PA", "ASSIGNED PA", "ASSIGNED PI", "LEGACY"};
  private static final String[] COUNTRIES = {"NL", "DE", "FR", "GB", "IT", "RU", "SE", "PL"};

  private WhoisBenchmark() {}

  public static void main(String[] args) throws IOException {
    int objects = 1_000_000;
    int flaggedCount = 20_000;
    int rounds = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--objects" -> objects = Integer.parseInt(args[i + 1]);
        case "--flagged" -> flaggedCount = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; usage: WhoisBenchmark [--objects N] [--flagged N] [--rounds N]");
      }
    }
    Path dump = Path.of("target/bench/whois/ripe.db.inetnum-" + objects);
    if (!Files.exists(dump)) {
      write(dump, objects, new Random(19981123L));
    }
    FlaggedAddresses flagged = flagged(flaggedCount, objects / GROUP, new Random(7L));
    System.out.printf(
        Locale.ROOT,
        "%s: %,d objects, %,d bytes; %,d flagged addresses%n",
        dump,
        objects,
        Files.size(dump),
        flagged.size());
    round(dump, flagged, new double[2]); // warm-up, so that the timed rounds run compiled code
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double[] rate = new double[2];
      round(dump, flagged, rate);
      rates[r] = rate[0];
      cpuRates[r] = rate[1];
      System.out.printf(
          Locale.ROOT,
          "round %d: %,.0f objects/s (%,.0f per CPU second)%n",
          r + 1,
          rates[r],
          cpuRates[r]);
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    // CPU time as well as wall time: on a shared machine other processes stretch the latter.
    System.out.printf(
        Locale.ROOT,
        "median: %,.0f objects/s on one thread (%,.0f per CPU second)%n",
        rates[rounds / 2],
        cpuRates[rounds / 2]);
  }

  /** Reads the dump once; puts objects per wall second and per CPU second into {@code rate}. */
  private static void round(Path dump, FlaggedAddresses flagged, double[] rate) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long count = 0;
    long kept = 0;
    try (InputStream in = Files.newInputStream(dump);
        RpslReader reader = new RpslReader(in)) {
      while (reader.hasNext()) {
        count++;
        if (WhoisRecord.of(reader.next(), flagged).isPresent()) {
          kept++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "  %,d objects, %,d networks kept, %.2f s (%.2f s CPU)%n",
        count,
        kept,
        seconds,
        cpuSeconds);
    rate[0] = count / seconds;
    rate[1] = count / cpuSeconds;
  }

  private static void write(Path dump, int objects, Random random) throws IOException {
    Files.createDirectories(dump.getParent());
    Path partial = dump.resolveSibling(dump.getFileName() + ".partial");
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write("#\n# Synthetic dump in the shape of ripe.db.inetnum, for timing only\n#\n\n");
      for (int i = 0; i < objects; i++) {
        out.write(object(i, random));
      }
    }
    Files.move(partial, dump);
  }

  private static String object(int i, Random random) {
    long base = FIRST_ADDRESS + (long) (i / GROUP) * GROUP * 256;
    int slot = i % GROUP;
    long first = slot == 0 ? base : base + (slot - 1) * 256L;
    long last = slot == 0 ? base + GROUP * 256L - 1 : first + (256 >> random.nextInt(3)) - 1;
    StringBuilder o = new StringBuilder(900);
    attribute(o, "inetnum", dotted(first) + " - " + dotted(last));
    attribute(o, "netname", (slot == 0 ? "EU-EXAMPLE-" : "EXAMPLE-NET-") + i);
    attribute(o, "descr", "Example customer network " + i);
    if (random.nextInt(4) == 0) {
      o.append("                second line of the description\n");
    }
    attribute(o, "country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
    if (slot == 0 || random.nextInt(3) == 0) {
      attribute(o, "org", "ORG-EX" + i / GROUP + "-RIPE");
    }
    attribute(o, "admin-c", "DUMY-RIPE");
    attribute(o, "tech-c", "DUMY-RIPE");
    if (random.nextInt(2) == 0) {
      attribute(o, "abuse-c", "AR" + i / GROUP + "-RIPE");
    }
    attribute(o, "status", slot == 0 ? "ALLOCATED PA" : STATUSES[random.nextInt(4)]);
    attribute(o, "mnt-by", slot == 0 ? "RIPE-NCC-HM-MNT" : "EXAMPLE" + i / GROUP + "-MNT");
    if (slot == 0) {
      attribute(o, "mnt-lower", "EXAMPLE" + i / GROUP + "-MNT");
    }
    attribute(o, "created", "2004-03-12T10:00:00Z");
    attribute(o, "last-modified", "2023-11-20T08:30:00Z");
    attribute(o, "source", "RIPE");
    if (random.nextInt(5) != 0) {
      o.append(
          """
          remarks:        ****************************
          remarks:        * THIS OBJECT IS MODIFIED
          remarks:        * Please note that all data that is generally regarded as personal
          remarks:        * data has been removed from this object.
          remarks:        * To view the original object, please query the RIPE Database at:
          remarks:        * http://www.ripe.net/whois
          remarks:        ****************************
          """);
    }
    return o.append('\n').toString();
  }

  private static void attribute(StringBuilder o, String name, String value) {
    o.append(name)
        .append(':')
        .append(" ".repeat(16 - name.length() - 1))
        .append(value)
        .append('\n');
  }

  /** Half inside the dump's networks, half anywhere in unicast IPv4. */
  private static FlaggedAddresses flagged(int count, int groups, Random random) {
    List<String> hosts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long address =
          i % 2 == 0
              ? FIRST_ADDRESS
                  + (long) random.nextInt(Math.max(1, groups)) * GROUP * 256
                  + random.nextInt(GROUP * 256)
              : (1L + random.nextInt(223)) << 24 | random.nextInt(1 << 24);
      hosts.add(dotted(address));
    }
    return FlaggedAddresses.of(hosts);
  }

  private static String dotted(long address) {
    return (address >>> 24 & 0xff)
        + "."
        + (address >>> 16 & 0xff)
        + "."
        + (address >>> 8 & 0xff)
        + "."
        + (address & 0xff);
  }
}
