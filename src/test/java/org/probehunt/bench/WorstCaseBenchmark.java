package org.probehunt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probehunt.detect.RuleSet;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.Request;

/**
 * Times the per-line work — parse, normalise, match the default rules — on the lines of {@link
 * PathologicalLines}, by CPU time on one thread: {@code WorstCaseBenchmark [--size N] [--lines N]}.
 * Prints each kind's nanoseconds per byte and its factor against a normal Combined line, then the
 * worst factor. Run by {@code jobs/bench-worst}.
 */
public final class WorstCaseBenchmark {
  private static final int ROUNDS = 3;
  // A normal line is short: more of them make its time as long as the others' to measure.
  private static final int NORMAL_LINES = 20;
  // Read after the runs, so the JIT cannot drop the matching as unused.
  private static int probesSeen;

  private WorstCaseBenchmark() {}

  public static void main(String[] args) {
    int size = 8_000; // about Apache's default request-line limit (LimitRequestLine 8190)
    int lines = 200;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--lines" -> lines = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: WorstCaseBenchmark [--size N] [--lines N]");
          System.exit(2);
        }
      }
    }
    RuleSet rules = RuleSet.defaults();
    List<String> kinds = List.copyOf(PathologicalLines.of(1, 0).keySet());
    System.out.printf(
        Locale.ROOT,
        "%d lines of each kind (of the normal one %d), pathological part %,d characters;"
            + " CPU time on one thread, median of %d rounds after one to warm up%n",
        lines,
        lines * NORMAL_LINES,
        size,
        ROUNDS);
    // Per round and kind: ns per byte. Every round has targets of its own, so no cached answer.
    double[][] perByte = new double[kinds.size()][ROUNDS];
    int next = 0;
    for (int round = -1; round < ROUNDS; round++) {
      for (int k = 0; k < kinds.size(); k++) {
        String kind = kinds.get(k);
        int count = kind.equals(PathologicalLines.NORMAL) ? lines * NORMAL_LINES : lines;
        List<String> batch = new ArrayList<>(count);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
          String line = PathologicalLines.of(size, next++).get(kind);
          batch.add(line);
          bytes += line.length();
        }
        double value = (double) time(rules, batch) / bytes;
        if (round >= 0) {
          perByte[k][round] = value;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%-22s %10s %8s%n", "kind", "ns/byte", "factor");
    double normal = median(perByte[kinds.indexOf(PathologicalLines.NORMAL)]);
    double worst = 0;
    String worstKind = "";
    for (int k = 0; k < kinds.size(); k++) {
      double factor = median(perByte[k]) / normal;
      if (factor > worst) {
        worst = factor;
        worstKind = kinds.get(k);
      }
      System.out.printf(
          Locale.ROOT, "%-22s %10.1f %8.2f%n", kinds.get(k), median(perByte[k]), factor);
    }
    System.out.printf(
        Locale.ROOT,
        "worst factor against a normal line, per byte: %.2f (%s); %,d probes%n",
        worst,
        worstKind,
        probesSeen);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** CPU nanoseconds to parse and match the lines. */
  private static long time(RuleSet rules, List<String> batch) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    int probes = 0;
    for (String line : batch) {
      if (LineParser.parse(line, LogFormat.COMBINED) instanceof Request r
          && rules.match(r).probe()) {
        probes++;
      }
    }
    long spent = cpu.getCurrentThreadCpuTime() - start;
    probesSeen += probes;
    return spent;
  }
}
