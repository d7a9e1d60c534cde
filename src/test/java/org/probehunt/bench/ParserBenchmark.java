package org.probehunt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.Request;

/**
 * Times {@link LineParser#parse} on one thread, format by format, over realistic lines; run by
 * jobs/bench-parse. Arguments: lines per round (default 2,000,000), then optionally the formats to
 * time, by name or as a format string, instead of all of {@link #DEFAULT_FORMATS}. A format string
 * reads combined lines (e.g. {@code '%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"'}); a
 * named W3C or JSON format reads lines of its own. Targets, in lines per CPU second: 1.5M for
 * combined and a compiled Apache format, 1M for W3C, 0.5M for JSON.
 */
public final class ParserBenchmark {
  private static final int DISTINCT_LINES = 300_000;
  private static final int DEFAULT_LINES_PER_ROUND = 2_000_000;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 7;
  private static final long SEED = 19981123L;

  /**
   * Rates are per CPU second of the parsing thread, so that other work on a shared machine moves
   * them little; the wall-clock rate is printed beside each round.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The custom Apache format the target names: combined, compiled from its string. */
  static final String CUSTOM_APACHE =
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

  static final List<String> DEFAULT_FORMATS =
      List.of("combined", CUSTOM_APACHE, "w3c_iis", "caddy_json", "nginx_json");

  private ParserBenchmark() {}

  public static void main(String[] args) {
    int linesPerRound = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_LINES_PER_ROUND;
    List<String> formats =
        args.length > 1 ? Arrays.asList(args).subList(1, args.length) : DEFAULT_FORMATS;
    List<String> medians = new ArrayList<>();
    long sink = 0;
    for (String spec : formats) {
      LogFormat format = LogFormat.of(spec);
      String[] lines = BenchLines.of(linesOf(format), DISTINCT_LINES, SEED);
      long averageLength = Arrays.stream(lines).mapToLong(String::length).sum() / lines.length;
      System.out.printf(
          Locale.ROOT,
          "format %s%s: %,d distinct %s lines, %d chars on average%n",
          format.label(),
          format.spec() == null ? "" : " (" + format.spec() + ")",
          lines.length,
          linesOf(format),
          averageLength);
      for (int round = 0; round < WARM_UP_ROUNDS; round++) {
        sink += parseRound(lines, linesPerRound, format);
      }
      double[] rates = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        sink += parseRound(lines, linesPerRound, format);
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        rates[round] = linesPerRound / cpu;
        System.out.printf(
            Locale.ROOT,
            "  round %d: %,.0f lines per CPU second (%,.0f per wall second)%n",
            round + 1,
            rates[round],
            linesPerRound / wall);
      }
      Arrays.sort(rates);
      medians.add(
          String.format(
              Locale.ROOT,
              "%-16s %,12.0f lines per CPU second (median of %d, one thread)",
              format.label(),
              rates[ROUNDS / 2],
              ROUNDS));
    }
    System.out.println("medians:");
    medians.forEach(m -> System.out.println("  " + m));
    System.out.printf(Locale.ROOT, "(checksum %d)%n", sink);
  }

  /** The kind of lines a format reads: its own for W3C and JSON formats, else combined. */
  private static String linesOf(LogFormat format) {
    return switch (format.label()) {
      case "w3c_iis", "caddy_json", "nginx_json" -> format.label();
      default -> "combined";
    };
  }

  /** Parses {@code count} lines and returns a checksum so the work cannot be optimised away. */
  private static long parseRound(String[] lines, int count, LogFormat format) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      if (LineParser.parse(lines[i % lines.length], format) instanceof Request r) {
        sum += r.status() + r.time().getSecond() + r.target().length();
      } else {
        throw new IllegalStateException(
            format.label() + ": benchmark line rejected: " + lines[i % lines.length]);
      }
    }
    return sum;
  }
}
