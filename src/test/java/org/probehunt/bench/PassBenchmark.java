package org.probehunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.HostSet;
import org.probehunt.pass.FilePass;
import org.probehunt.pass.LoggedRequest;
import org.probehunt.pass.PassSettings;
import org.probehunt.pass.TimeWindow;

/**
 * Times the two reading passes over real gzip files on one thread, by CPU time so that other work
 * on the machine does not move the figures much: {@code PassBenchmark [--rounds N] FILE...}.
 * Prints, per round, the CPU seconds of plain decompression (the floor of any pass), of the first
 * pass (parse and match every line) and of the join back (keep the probing hosts' lines), and the
 * medians. Run by {@code jobs/bench-scan}.
 */
public final class PassBenchmark {
  private PassBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rounds = 5;
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        paths.add(Path.of(args[i]).toAbsolutePath().toUri().toString());
      }
    }
    if (paths.isEmpty()) {
      System.err.println("usage: PassBenchmark [--rounds N] FILE...");
      System.exit(2);
    }
    Configuration conf = new Configuration();
    // The settings of a run without options: the default rules, loopback clients allowed.
    PassSettings settings =
        new PassSettings(
            null,
            ReadOptions.defaults(),
            RuleSet.defaults(),
            HostAllowList.parse(List.of(), true),
            TimeWindow.ALL);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] inflate = new double[rounds];
    double[] first = new double[rounds];
    double[] second = new double[rounds];
    long lines = 0;
    Set<String> hosts = Set.of();
    for (int round = 0; round <= rounds; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      long bytes = 0;
      byte[] buf = new byte[1 << 16];
      for (String p : paths) {
        try (InputStream in =
            new GZIPInputStream(Files.newInputStream(Path.of(java.net.URI.create(p))), 1 << 16)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            bytes += n;
          }
        }
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      Set<String> probing = new HashSet<>();
      long[] count = new long[1];
      try (FilePass s = FilePass.probes(conf, paths, settings, n -> count[0] += n)) {
        s.forEachRemaining(
            e -> {
              if (e instanceof LoggedRequest hit) {
                probing.add(hit.request().host());
              }
            });
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      hosts = probing;
      long kept = 0;
      try (FilePass s = FilePass.requestsOf(conf, paths, settings, HostSet.of(hosts), n -> {})) {
        while (s.hasNext()) {
          s.next();
          kept++;
        }
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      lines = count[0];
      if (round == 0) {
        System.out.printf(
            Locale.ROOT,
            "warm-up: %,d lines, %,d MB decompressed, %,d probing hosts, %,d of their requests%n",
            lines,
            bytes >> 20,
            hosts.size(),
            kept);
        continue;
      }
      inflate[round - 1] = (t1 - t0) / 1e9;
      first[round - 1] = (t2 - t1) / 1e9;
      second[round - 1] = (t3 - t2) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: decompress %.2f s, first pass %.2f s, join back %.2f s (cpu)%n",
          round,
          inflate[round - 1],
          first[round - 1],
          second[round - 1]);
    }
    System.out.printf(
        Locale.ROOT,
        "median: decompress %.2f s, first pass %.2f s (%,.0f lines/s), join back %.2f s"
            + " (%,.0f lines/s)%n",
        median(inflate),
        median(first),
        lines / median(first),
        median(second),
        lines / median(second));
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
