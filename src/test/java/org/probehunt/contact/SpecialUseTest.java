package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Special-use blocks of IANA's registries are recognised; public addresses and names are not. */
class SpecialUseTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "::",
        "::1",
        "::192.0.2.1", // IPv4-compatible, deprecated
        "::cb00:7109",
        "::203.0.113.9",
        "100::1",
        "100:0:0:1::1",
        "2001:db8::1",
        "fe80::1",
        "fd00::1",
        "127.0.0.1",
        "10.1.2.3",
        "100.64.0.1",
        "198.18.0.1",
        "255.255.255.255"
      })
  void specialUseAddressesAreRecognised(String ip) {
    assertTrue(SpecialUse.contains(ip), ip);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1::1", // just past ::/96
        "::1:0:0:1",
        "100:0:0:2::1",
        "2a00:1450::1",
        "64:ff9b::808:808", // NAT64 of a public address: the IPv4 host is real
        "surf.wil.net"
      })
  void publicAddressesAndNamesAreNot(String host) {
    assertFalse(SpecialUse.contains(host), host);
  }
}
