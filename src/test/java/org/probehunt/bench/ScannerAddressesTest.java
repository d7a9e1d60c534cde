package org.probehunt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScannerAddressesTest {
  private static final List<String> DRAWN = ScannerAddresses.draw(19981123, 20_000, Set.of());

  @ParameterizedTest(name = "{0} special: {1}")
  @CsvSource({
    // The first and last address of blocks, and their neighbours just outside.
    "0.0.0.0, true",
    "0.255.255.255, true",
    "1.0.0.0, false",
    "9.255.255.255, false",
    "10.0.0.0, true",
    "10.255.255.255, true",
    "11.0.0.0, false",
    "100.63.255.255, false",
    "100.64.0.0, true",
    "100.127.255.255, true",
    "100.128.0.0, false",
    "126.255.255.255, false",
    "127.0.0.1, true",
    "128.0.0.0, false",
    "169.253.255.255, false",
    "169.254.0.1, true",
    "169.255.0.0, false",
    "172.15.255.255, false",
    "172.16.0.0, true",
    "172.31.255.255, true",
    "172.32.0.0, false",
    "192.0.0.8, true",
    "192.0.1.0, false",
    "192.0.2.1, true",
    "192.0.3.0, false",
    "192.88.99.1, true",
    "192.167.255.255, false",
    "192.168.1.1, true",
    "192.169.0.0, false",
    "198.17.255.255, false",
    "198.18.0.0, true",
    "198.19.255.255, true",
    "198.20.0.0, false",
    "198.51.100.7, true",
    "203.0.113.9, true",
    "203.0.114.0, false",
    "223.255.255.255, false",
    "224.0.0.1, true",
    "239.255.255.255, true",
    "240.0.0.0, true",
    "255.255.255.255, true"
  })
  void specialBlocksEndWhereTheRegistrySays(String address, boolean special) {
    assertEquals(special, ScannerAddresses.special(ScannerAddresses.parseIpv4(address)), address);
  }

  @Test
  void drawnIpv4AddressesArePublicHostsInManyNetworks() throws UnknownHostException {
    Set<Integer> eights = new HashSet<>();
    Set<Integer> sixteens = new HashSet<>();
    for (String text : DRAWN) {
      if (text.contains(":")) {
        continue;
      }
      int v4 = ScannerAddresses.parseIpv4(text);
      assertEquals(text, ScannerAddresses.ipv4(v4), "not written in canonical dotted form");
      assertFalse(ScannerAddresses.special(v4), text + " is in a special-use block");
      // The JDK's own view, independent of our block list.
      InetAddress a = InetAddress.getByName(text);
      assertTrue(a instanceof Inet4Address, text);
      assertFalse(
          a.isSiteLocalAddress()
              || a.isLoopbackAddress()
              || a.isLinkLocalAddress()
              || a.isMulticastAddress()
              || a.isAnyLocalAddress(),
          text + " is not a public address");
      int last = v4 & 0xff;
      assertTrue(last != 0 && last != 255, text + " looks like a network or broadcast address");
      eights.add(v4 >>> 24);
      sixteens.add(v4 >>> 16);
    }
    // 221 /8s are public (256 less 0, 10, 127 and 224-255); 20,000 draws reach nearly all. About
    // 17,000 of them fall in a new /24 and, at random over some 56,000 public /16s, in about
    // 14,500 distinct /16s.
    assertTrue(eights.size() >= 215, "only " + eights.size() + " distinct /8 networks");
    assertTrue(sixteens.size() >= 14_000, "only " + sixteens.size() + " distinct /16 networks");
  }

  @Test
  void aboutOneInFiftyIsIpv6InARegistrysBlock() throws UnknownHostException {
    List<String> v6 = DRAWN.stream().filter(a -> a.contains(":")).toList();
    assertTrue(v6.size() >= 300 && v6.size() <= 500, v6.size() + " IPv6 addresses of 20,000");
    for (String text : v6) {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      assertEquals(16, bytes.length, text);
      int first = (bytes[0] & 0xff) << 8 | (bytes[1] & 0xf0);
      assertTrue(
          Set.of(0x2400, 0x2600, 0x2800, 0x2a00, 0x2c00).contains(first),
          text + " is outside the registries' /12 blocks");
      assertEquals(text, text.toLowerCase(java.util.Locale.ROOT), "RFC 5952 writes lower case");
      assertFalse(text.matches(".*(^|:)0[0-9a-f].*"), text + " has a leading zero");
    }
  }

  @Test
  void drawsAreDistinctSeededAndSkipTakenAddresses() {
    assertEquals(DRAWN.size(), new HashSet<>(DRAWN).size(), "duplicate addresses drawn");
    assertEquals(
        DRAWN.subList(0, 100),
        ScannerAddresses.draw(19981123, 100, Set.of()),
        "the same seed must give the same addresses, in the same order");
    assertNotEquals(
        DRAWN.subList(0, 100),
        ScannerAddresses.draw(1, 100, Set.of()),
        "another seed must give other addresses");
    Set<String> taken = Set.of(DRAWN.get(0), DRAWN.get(5));
    List<String> rest = ScannerAddresses.draw(19981123, 100, taken);
    assertEquals(100, rest.size());
    assertTrue(rest.stream().noneMatch(taken::contains), "a taken address was drawn: " + rest);
  }
}
