package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    "localhost, true",
    "LocalHost., true",
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
}
