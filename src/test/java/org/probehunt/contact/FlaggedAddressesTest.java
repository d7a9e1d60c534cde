package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probehunt.parse.AddressRange;

class FlaggedAddressesTest {
  private static final FlaggedAddresses FLAGGED =
      FlaggedAddresses.of(
          List.of(
              "198.51.100.200",
              "192.0.2.7",
              "2001:db8::1",
              "surf.wil.net",
              "",
              "::ffff:192.0.2.7",
              "not an ip",
              "[2001:db8:ffff::9]",
              "192.0.2.7"));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      192.0.2.0/24                   | true
      192.0.2.7                      | true
      192.0.2.0 - 192.0.2.6          | false
      192.0.2.8 - 192.0.2.255        | false
      192.0.2.0 - 192.0.2.7          | true
      192.0.2.7 - 198.51.100.0       | true
      198.51.100.0/24                | true
      198.51.100.201 - 198.51.100.255 | false
      203.0.113.0/24                 | false
      0.0.0.0/0                      | true
      2001:db8::/32                  | true
      2001:db8::2 - 2001:db8:fffe::  | false
      2001:db8:ffff::/48             | true
      2001:db9::/32                  | false
      ::/0                           | true
      """)
  void findsWhetherARangeHoldsAnyFlaggedAddress(String range, boolean any) {
    assertEquals(any, FLAGGED.anyWithin(AddressRange.parse(range).orElseThrow()), range);
  }

  @Test
  void keepsEachAddressOnceAndSkipsNames() {
    assertEquals(4, FLAGGED.size(), "192.0.2.7 twice and as ::ffff:192.0.2.7 count once");
  }

  @Test
  void emptyHoldsNothing() {
    FlaggedAddresses none = FlaggedAddresses.of(List.of("example.org"));
    assertEquals(0, none.size());
    assertEquals(false, none.anyWithin(AddressRange.parse("::/0").orElseThrow()));
  }

  @Test
  void survivesSerialisation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(FLAGGED);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      FlaggedAddresses copy = (FlaggedAddresses) in.readObject();
      assertEquals(4, copy.size());
      assertEquals(true, copy.anyWithin(AddressRange.parse("198.51.100.200").orElseThrow()));
    }
  }
}
