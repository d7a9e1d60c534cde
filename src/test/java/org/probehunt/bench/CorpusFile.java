package org.probehunt.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one gzip file of the corpus: a slice of the month in time order, as a rotated log, with
 * its share of the drive-by scanners' visits ({@link DriveBys}) among the other traffic. Each file
 * has its own random stream from (seed, file), so files can be written in any order on any number
 * of threads and still come out byte-identical.
 */
final class CorpusFile {
  /** 2025-10-01T00:00:00 on the log's clock (+0900), as seconds of that clock since 1970. */
  private static final long START = LocalDate.of(2025, 10, 1).toEpochDay() * 86_400L;

  private static final long SPAN = 31 * 86_400L;
  private static final String OFFSET = " +0900] \"";

  /** Share of lines from scanning hosts. */
  private static final double SCANNER_SHARE = 0.004;

  /** A burst is its first line and then about 21.5 more, interleaved with other traffic. */
  private static final double BURST_START = SCANNER_SHARE / 22.5;

  private final CorpusSpec spec;
  private final Clients clients;
  private final int file;

  CorpusFile(CorpusSpec spec, Clients clients, int file) {
    this.spec = spec;
    this.clients = clients;
    this.file = file;
  }

  /** Writes the file through a temporary name, so a killed run leaves no half file. */
  void write(Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    // GZIPOutputStream uses zlib's default level 6, as gzip and logrotate do: zcat then reads
    // what it would read on a real server.
    try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
      AsciiBuffer out = new AsciiBuffer(gzip);
      lines(out);
      out.flush();
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void lines(AsciiBuffer out) throws IOException {
    SplittableRandom r = new SplittableRandom(Clients.mix(spec.seed(), 1_000_000L + file));
    long lines = spec.linesOf(file);
    long from = START + SPAN * file / spec.files();
    long span = SPAN / spec.files();
    int[] active = activeScanners();
    DriveBys driveBys = new DriveBys(spec, clients, file);
    long cachedDay = -1;
    String dayText = null;
    int burstScanner = -1;
    int burstLeft = 0;
    for (long i = 0; i < lines; i++) {
      long seconds = from + span * i / lines;
      long day = seconds / 86_400;
      if (day != cachedDay) {
        cachedDay = day;
        dayText = dayText(day);
      }
      if (driveBys.due(i, lines)) {
        out.append(driveBys.address()).append(" - - [").append(dayText);
        time(out, seconds);
        out.append(OFFSET);
        driveBys.send(out, i);
        out.endLine();
        continue;
      }
      int scanner = -1;
      if (burstLeft > 0 && r.nextInt(100) < 30) {
        scanner = burstScanner;
        burstLeft--;
      } else if (burstLeft == 0 && active.length > 0 && r.nextDouble() < BURST_START) {
        scanner = burstScanner = active[r.nextInt(active.length)];
        burstLeft = 4 + r.nextInt(36);
      }
      int visitor = scanner < 0 ? clients.visitor(r) : -1;
      out.append(scanner < 0 ? clients.visitorAddress(visitor) : clients.scannerAddress(scanner));
      out.append(scanner < 0 && r.nextInt(100) == 0 ? " - member [" : " - - [").append(dayText);
      time(out, seconds);
      if (scanner >= 0 && r.nextInt(40) == 0) {
        // A TLS handshake sent to the plain-HTTP port, as Apache logs it: scanners send these to
        // every open port; the request field is no request, and a rule flags it.
        out.append(
            " +0900] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03\" 400 226 \"-\" \"-\"");
      } else if (scanner >= 0) {
        int kit = clients.kit(scanner);
        out.append(OFFSET);
        Probes.send(out, r, kit, Probes.agent(kit, scanner));
      } else {
        out.append(OFFSET);
        Traffic.visit(out, r, clients.visitorAgent(visitor));
      }
      out.endLine();
    }
  }

  /** The time of day, hh:mm:ss. */
  private static void time(AsciiBuffer out, long seconds) {
    int secondOfDay = (int) (seconds % 86_400);
    out.append2(secondOfDay / 3600).append(':').append2(secondOfDay / 60 % 60).append(':');
    out.append2(secondOfDay % 60);
  }

  private int[] activeScanners() {
    return java.util.stream.IntStream.range(0, clients.scannerCount())
        .filter(s -> clients.active(spec.seed(), s, file, spec.files()))
        .toArray();
  }

  private static String dayText(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return String.format(
        Locale.ROOT,
        "%02d/%s/%d:",
        date.getDayOfMonth(),
        date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT),
        date.getYear());
  }
}
