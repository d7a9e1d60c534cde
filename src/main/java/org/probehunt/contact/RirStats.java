package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registries' delegated-*-extended statistics, for the registry and country of an address
 * without going online. Record lines read {@code registry|cc|type|start|value|date|status[|id]},
 * e.g. {@code apnic|JP|ipv4|192.0.2.0|256|19981123|allocated|A91A2B3C} (the last field, the
 * holder's opaque id, only in the extended files): for ipv4 the value is an address count (not
 * always a power of two), for ipv6 a prefix length. Version, summary, comment, asn and unallocated
 * lines are skipped, as are malformed ones (the files are the registries'). Every address is kept
 * as 128 bits (IPv4 mapped into ::ffff:0:0/96) in ranges sorted by start.
 */
public final class RirStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);

  private final long[] startHi;
  private final long[] startLo;
  private final long[] endHi;
  private final long[] endLo;
  private final RirInfo[] infos;

  private record Range(BigInteger start, BigInteger end, RirInfo info) {}

  private RirStats(List<Range> ranges) {
    int n = ranges.size();
    startHi = new long[n];
    startLo = new long[n];
    endHi = new long[n];
    endLo = new long[n];
    infos = new RirInfo[n];
    for (int i = 0; i < n; i++) {
      Range r = ranges.get(i);
      startHi[i] = r.start().shiftRight(64).longValue();
      startLo[i] = r.start().longValue();
      endHi[i] = r.end().shiftRight(64).longValue();
      endLo[i] = r.end().longValue();
      infos[i] = r.info();
    }
  }

  /** Reads the files, closing none; ranges are taken not to overlap, as in the registries data. */
  public static RirStats load(List<Reader> files) throws IOException {
    List<Range> ranges = new ArrayList<>();
    Map<RirInfo, RirInfo> shared = new HashMap<>();
    for (Reader file : files) {
      BufferedReader lines = new BufferedReader(file);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Range range = parse(line, shared);
        if (range != null) {
          ranges.add(range);
        }
      }
    }
    ranges.sort(Comparator.comparing(Range::start));
    return new RirStats(ranges);
  }

  /** Number of address ranges held. */
  public int size() {
    return infos.length;
  }

  /** The registry and country of an IP literal, or empty when unknown or not an address. */
  public Optional<RirInfo> lookup(String ip) {
    if (ip == null || !Domains.isIpLiteral(ip)) {
      return Optional.empty();
    }
    BigInteger value = toBits(InetAddresses.forString(Domains.unbracket(ip)));
    long hi = value.shiftRight(64).longValue();
    long lo = value.longValue();
    int low = 0;
    int high = infos.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (compare(startHi[mid], startLo[mid], hi, lo) <= 0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found >= 0 && compare(hi, lo, endHi[found], endLo[found]) <= 0) {
      return Optional.of(infos[found]);
    }
    return Optional.empty();
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compareUnsigned(aHi, bHi);
    return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
  }

  private static Range parse(String line, Map<RirInfo, RirInfo> shared) {
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    String[] f = line.split("\\|", -1);
    if (f.length < 7 || f[1].equals("*")) {
      return null;
    }
    String type = f[2];
    String status = f[6].toLowerCase(Locale.ROOT);
    if (!(type.equals("ipv4") || type.equals("ipv6"))
        || !(status.equals("allocated") || status.equals("assigned"))
        || !InetAddresses.isInetAddress(f[3])) {
      return null;
    }
    try {
      InetAddress start = InetAddresses.forString(f[3]);
      long value = Long.parseLong(f[4]);
      BigInteger first = toBits(start);
      BigInteger size;
      if (type.equals("ipv4")) {
        if (start.getAddress().length != 4 || value < 1 || value > (1L << 32)) {
          return null;
        }
        size = BigInteger.valueOf(value);
      } else {
        if (start.getAddress().length != 16 || value < 0 || value > 128) {
          return null;
        }
        size = BigInteger.ONE.shiftLeft(128 - (int) value);
      }
      String holder = f.length > 7 && !f[7].isBlank() ? f[7].strip() : null;
      RirInfo info =
          new RirInfo(f[0].toLowerCase(Locale.ROOT), f[1].toUpperCase(Locale.ROOT), holder);
      return new Range(
          first, first.add(size).subtract(BigInteger.ONE), shared.computeIfAbsent(info, i -> i));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigInteger toBits(InetAddress address) {
    BigInteger bits = new BigInteger(1, address.getAddress());
    return address.getAddress().length == 4 ? bits.or(V4_MAPPED) : bits;
  }
}
