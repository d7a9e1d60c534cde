package org.probehunt.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeded client population of a corpus: many ordinary visitors, drawn with a heavy skew as real
 * traffic is, a few hundred scanning hosts that come back all month and, for a busy month, drive-by
 * scanners that visit once. Built once and shared read-only by the threads writing files.
 */
final class Clients {
  private static final String[] CITIES = {
    "tokyo", "osaka", "nagoya", "fukuoka", "sapporo", "sendai"
  };
  private static final String[] SCAN_DOMAINS = {
    "wil.net",
    "example-vps.net",
    "cheap-hosting.example.com",
    "dialup.example-isp.net",
    "ns.example.jp"
  };

  /**
   * Drive-bys use the first kits only: their user agents are not probes themselves, so a visit's
   * page fetches stay ordinary requests and its probe count is what it sends.
   */
  private static final int DRIVE_BY_KITS = 4;

  private final String[] visitors;
  private final String[] visitorAgents;
  private final String[] scanners;
  private final int[] kits;
  private final List<String> driveBys;
  private final int[] driveByKits;

  Clients(long seed, int visitorCount, int scannerCount, int driveByCount) {
    visitors = new String[visitorCount];
    visitorAgents = new String[visitorCount];
    for (int i = 0; i < visitorCount; i++) {
      long h = mix(seed, i);
      visitors[i] = visitorAddress(h);
      visitorAgents[i] = Traffic.BROWSERS[(int) ((h >>> 40) % Traffic.BROWSERS.length)];
    }
    scanners = new String[scannerCount];
    kits = new int[scannerCount];
    for (int s = 0; s < scannerCount; s++) {
      long h = mix(seed, (1L << 40) + s);
      scanners[s] = scannerAddress(h, s);
      kits[s] = (int) ((h >>> 20) % Probes.KITS);
    }
    Set<String> taken = new HashSet<>();
    if (driveByCount > 0) {
      taken.addAll(Arrays.asList(visitors));
      taken.addAll(Arrays.asList(scanners));
    }
    driveBys = List.copyOf(ScannerAddresses.draw(seed, driveByCount, taken));
    driveByKits = new int[driveByCount];
    for (int d = 0; d < driveByCount; d++) {
      driveByKits[d] = (int) (mix(seed, (4L << 40) + d) % DRIVE_BY_KITS);
    }
  }

  /** A visitor's index: low indexes come far more often, as a site's regulars do. */
  int visitor(SplittableRandom random) {
    double u = random.nextDouble();
    return (int) (visitors.length * u * u * u);
  }

  String visitorAddress(int visitor) {
    return visitors[visitor];
  }

  /** A visitor keeps one browser, so its requests look like one person's. */
  String visitorAgent(int visitor) {
    return visitorAgents[visitor];
  }

  int scannerCount() {
    return scanners.length;
  }

  String scannerAddress(int scanner) {
    return scanners[scanner];
  }

  /** Which probe kit a scanner uses (see {@link Probes}). */
  int kit(int scanner) {
    return kits[scanner];
  }

  int driveByCount() {
    return driveBys.size();
  }

  /** The drive-by scanners' addresses, in the order of their indexes. */
  List<String> driveByAddresses() {
    return driveBys;
  }

  /** Which probe kit a drive-by scanner uses. */
  int driveByKit(int driveBy) {
    return driveByKits[driveBy];
  }

  /** Whether a scanner sends requests in file {@code file} of {@code files}. */
  boolean active(long seed, int scanner, int file, int files) {
    // One in ten scans all month; the others for about two files' worth of days.
    if (scanner % 10 == 0) {
      return true;
    }
    int home = (int) ((mix(seed, (2L << 40) + scanner) >>> 1) % files);
    return file == home || file == home + 1;
  }

  private static String visitorAddress(long h) {
    int kind = (int) ((h >>> 56) % 100);
    int a = (int) (h & 0xff);
    int b = (int) ((h >>> 8) & 0xff);
    int c = (int) ((h >>> 16) & 0xff);
    int d = 1 + (int) ((h >>> 24) % 254);
    if (kind < 8) {
      return "2400:"
          + Integer.toHexString((int) ((h >>> 32) & 0xffff))
          + ":"
          + Integer.toHexString(b * 256 + c)
          + "::"
          + Integer.toHexString(d * 97 + a);
    }
    if (kind < 12) {
      return "p"
          + (1000 + (h >>> 32) % 9000)
          + "-ipngn"
          + (100 + c)
          + CITIES[a % CITIES.length]
          + ".ocn.ne.jp";
    }
    if (kind < 15) {
      return "softbank" + (126000000000L + (h >>> 28) % 999999999L) + ".bbtec.net";
    }
    if (kind < 17) {
      return "crawl-66-249-" + (64 + c % 32) + "-" + d + ".googlebot.com";
    }
    return firstOctet(a) + "." + b + "." + c + "." + d;
  }

  private static String scannerAddress(long h, int scanner) {
    int a = (int) (h & 0xff);
    int b = (int) ((h >>> 8) & 0xff);
    int c = (int) ((h >>> 16) & 0xff);
    int d = 1 + (int) ((h >>> 24) % 254);
    if ((h >>> 48) % 10 == 0) {
      String domain = SCAN_DOMAINS[scanner % SCAN_DOMAINS.length];
      return (scanner % 2 == 0 ? "surf" : "host" + d + "-") + scanner + "." + domain;
    }
    return firstOctet(a) + "." + b + "." + c + "." + d;
  }

  /** A public-looking first octet: not 0, 10, 127 or multicast and above. */
  private static int firstOctet(int a) {
    int octet = 1 + a % 222;
    return octet == 10 || octet == 127 ? octet + 1 : octet;
  }

  /** SplitMix64's finaliser over seed and index: a fixed, well-spread hash. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
