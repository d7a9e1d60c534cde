package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.parse.AddressRange;

class HostAllowListTest {
  private static final HostAllowList LIST =
      HostAllowList.parse(
          List.of(
              "Monitor.Example.org",
              "192.0.2.7",
              "198.51.100.0/24",
              "10.0.0.0/9",
              "2001:db8:abcd::/48",
              "[2001:db8::1]"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      textBlock =
          """
          monitor.example.org,  true
          MONITOR.EXAMPLE.ORG,  true
          monitor.example.org., true
          www.example.org,      false
          example.org,          false
          192.0.2.7,            true
          192.0.2.8,            false
          198.51.100.255,       true
          198.51.101.0,         false
          10.127.255.255,       true
          10.128.0.0,           false
          ::ffff:198.51.100.3,  true
          2001:db8:abcd:12::1,  true
          2001:DB8:ABCD::,      true
          2001:db8:abce::1,     false
          2001:db8::1,          true
          [2001:db8::1],        true
          2001:db8::2,          false
          surf.wil.net,         false
          '',                   false
          """)
  void allowsByNameOrAddressBlock(String host, boolean allowed) {
    assertEquals(allowed, LIST.allows(host), host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.0/33",
        "2001:db8::/129",
        "192.0.2.0/",
        "not an address/24",
        "bad host!",
        "",
        "300.1.2.3",
        "1.2.3",
        "/24",
        "192.0.2.0/-1"
      })
  void rejectsBadSpecsNamingThem(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HostAllowList.parse(List.of(spec)));
    assertEquals(true, e.getMessage().contains("'" + spec + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "example.org", "::1"})
  void noneAllowsNothing(String host) {
    assertEquals(false, HostAllowList.NONE.allows(host));
    assertEquals(false, HostAllowList.NONE.allows(null));
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "127.200.0.9, true",
    "::1, true",
    "::ffff:127.0.0.1, true",
    // A name is what the client's reverse DNS says: a scanner may call itself localhost.
    "localhost, false",
    "LocalHost., false",
    "128.0.0.1, false",
    "::2, false",
    "192.0.2.1, false",
    "localhost.example, false"
  })
  void loopbackClientsAreAllowedUnlessAskedToFlagThem(String host, boolean loopback) {
    assertEquals(loopback, HostAllowList.parse(List.of(), true).allows(host), host);
    assertEquals(false, HostAllowList.parse(List.of(), false).allows(host), host);
    assertEquals(true, HostAllowList.parse(List.of("192.0.2.0/24"), true).allows("192.0.2.1"));
  }

  /**
   * The check by first number ({@code outside}) gives the answer the whole check gives: each list
   * against hosts near its edges, written in every way a log may, checked against the blocks and
   * names themselves.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.0.0.0/8",
        "10.0.0.0/7;192.0.2.128/25",
        "::ffff:198.51.100.0/120;2001:db8::/32",
        "0.0.0.0/0",
        "::/0",
        "255.255.255.255",
        "1.example.org;10.0.0.0/8",
        "monitor.example.org;127.0.0.0/8",
        "2000::/3;fe80::/10",
        "2001:db8:ab::/48;::1;2001:DB8:FFFF::7",
        "a::/16;ff00::/8;10.0.0.0/8"
      })
  void theCheckByFirstNumberAgreesWithTheWholeCheck(String specs) {
    List<String> given = specs.isEmpty() ? List.of() : List.of(specs.split(";"));
    for (boolean loopback : new boolean[] {true, false}) {
      HostAllowList list = HostAllowList.parse(given, loopback);
      List<String> all = new ArrayList<>(given);
      if (loopback) {
        all.addAll(HostAllowList.LOOPBACK);
      }
      Random random = new Random(specs.hashCode());
      List<Integer> numbers = List.of(0, 1, 9, 10, 11, 99, 126, 127, 128, 192, 198, 254, 255, 256);
      List<String> groups =
          List.of(
              "0", "1", "a", "A", "f", "ff", "fe80", "FE80", "fe7f", "febf", "fec0", "1fff", "2000",
              "2001", "3fff", "4000", "00a", "0a", "ffff", "10000", "g", "2001 ");
      for (int i = 0; i < 6_000; i++) {
        int first = random.nextBoolean() ? numbers.get(random.nextInt(numbers.size())) : i % 300;
        String group = groups.get(random.nextInt(groups.size()));
        String host =
            switch (i % 18) {
              case 12 -> group + ":db8::1";
              case 13 -> group + ":db8:ab:" + Integer.toHexString(random.nextInt(0x10000)) + "::7";
              case 14 -> "::" + group;
              case 15 -> group + "::";
              case 16 -> "[" + group + "::1]";
              case 17 -> group + ":" + group;
              case 0 -> "0" + first + ".0.0.1";
              case 1 -> first + ".example.org";
              case 2 -> first + ".2.3";
              case 3 -> first + ".2.3.4 ";
              case 4 -> first + ".2.3.4.5";
              case 5 -> "::ffff:" + first + ".2.3.4";
              case 6 -> first + "0.2.3.4";
              case 7 -> first + ":db8::1";
              case 8 -> first + ".2.3.4::1";
              case 9 -> "::" + first + ".2.3.4";
              default ->
                  first
                      + "."
                      + random.nextInt(256)
                      + "."
                      + random.nextInt(256)
                      + "."
                      + random.nextInt(256);
            };
        assertEquals(wholeCheck(all, host), list.allows(host), specs + " / " + host);
      }
    }
  }

  /** Whether {@code host} is one of {@code specs}' addresses or names, without the list. */
  private static boolean wholeCheck(List<String> specs, String host) {
    String stripped = host.strip();
    Optional<AddressRange> address = AddressRange.ofAddress(stripped);
    for (String spec : specs) {
      Optional<AddressRange> block = AddressRange.parse(spec);
      if (address.isPresent()) {
        if (block.isPresent() && block.get().contains(address.get())) {
          return true;
        }
      } else if (block.isEmpty()) {
        String name = stripped.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.equals(spec.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }
}
