package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {
  private static AddressRange range(String text) {
    return AddressRange.parse(text).orElseThrow(() -> new AssertionError("rejected: " + text));
  }

  @ParameterizedTest(name = "{0} -> {1} .. {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      192.0.2.7                             | 192.0.2.7        | 192.0.2.7
      192.0.2.0/24                          | 192.0.2.0        | 192.0.2.255
      192.0.2.77/26                         | 192.0.2.64       | 192.0.2.127
      0.0.0.0/0                             | 0.0.0.0          | 255.255.255.255
      198.51.100.9/32                       | 198.51.100.9     | 198.51.100.9
      192.0.2.0 - 192.0.2.255               | 192.0.2.0        | 192.0.2.255
      198.51.100.3-198.51.100.9             | 198.51.100.3     | 198.51.100.9
      '  203.0.113.0   -   203.0.113.99  '  | 203.0.113.0      | 203.0.113.99
      192.0.2/26                            | 192.0.2.0        | 192.0.2.63
      200/8                                 | 200.0.0.0        | 200.255.255.255
      24.232/16                             | 24.232.0.0       | 24.232.255.255
      2001:db8::/32        | 2001:db8::    | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff
      2001:DB8:1:2::/48                     | 2001:db8:1::     | 2001:db8:1:ffff:ffff:ffff:ffff:ffff
      2001:1200::/23       | 2001:1200::   | 2001:13ff:ffff:ffff:ffff:ffff:ffff:ffff
      [2001:db8::1]                         | 2001:db8::1      | 2001:db8::1
      [2001:db8::]/64                       | 2001:db8::       | 2001:db8::ffff:ffff:ffff:ffff
      2001:db8:: - 2001:db8::ff             | 2001:db8::       | 2001:db8::ff
      ::/0                 | ::            | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
      ::ffff:192.0.2.1                      | 192.0.2.1        | 192.0.2.1
      ::ffff:c000:201                       | 192.0.2.1        | 192.0.2.1
      ::ffff:0:0/96                         | 0.0.0.0          | 255.255.255.255
      2001:db8::192.0.2.1                   | 2001:db8::c000:201 | 2001:db8::c000:201
      1:2:3:4:5:6:7::                       | 1:2:3:4:5:6:7:0  | 1:2:3:4:5:6:7:0
      ::2:3:4:5:6:7:8                       | 0:2:3:4:5:6:7:8  | 0:2:3:4:5:6:7:8
      """)
  void parsesEveryForm(String text, String first, String last) {
    AddressRange r = range(text);
    assertEquals(first, r.first(), text);
    assertEquals(last, r.last(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "192.0.2",
        "1.2.3",
        "192.0.2.256",
        "192.0.2.1.5",
        "192.0.2.",
        ".192.0.2.1",
        "1234.0.2.1",
        "192.0.2.0/33",
        "192.0.2.0/",
        "/24",
        "192.0.2.0/-1",
        "192.0.2.0/2x",
        "192.0.2.0/0024",
        "192.0.2.9 - 192.0.2.1",
        "192.0.2.0 - 2001:db8::",
        "192.0.2.0 -",
        "- 192.0.2.0",
        "192.0.2/26 - 192.0.2.255",
        "2001:db8::/129",
        "2001:db8:::1",
        "1::2::3",
        ":1::",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7",
        "12345::",
        "2001:db8::g",
        "fe80::1%eth0",
        "2001:db8::1:",
        "[192.0.2.1]",
        "[2001:db8::1",
        "1:2:3:4:5:6:7:192.0.2.1",
        "::ffff:192.0.2",
        "example.org",
        "١٩٢.0.2.1",
        "２００１:db8::1"
      })
  void rejectsMalformedText(String text) {
    assertEquals(Optional.empty(), AddressRange.parse(text), text);
  }

  @Test
  void rejectsNullAndRangesAsAddresses() {
    assertEquals(Optional.empty(), AddressRange.parse(null));
    assertEquals(Optional.empty(), AddressRange.ofAddress(null));
    assertEquals(Optional.empty(), AddressRange.ofAddress("192.0.2.0/24"));
    assertEquals(Optional.empty(), AddressRange.ofAddress("192.0.2/32"));
  }

  @Test
  void mappedAddressesAreIpv4() {
    AddressRange plain = AddressRange.ofAddress("198.51.100.3").orElseThrow();
    assertEquals(plain, AddressRange.ofAddress("::ffff:198.51.100.3").orElseThrow());
    assertEquals(plain, AddressRange.ofAddress(" ::FFFF:C633:6403 ").orElseThrow());
    assertTrue(plain.isIpv4(), "a dotted address is IPv4");
    assertFalse(range("2001:db8::/32").isIpv4(), "2001:db8::/32 is IPv6");
    assertFalse(range("::/0").isIpv4(), "::/0 reaches beyond IPv4");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      192.0.2.0 - 192.0.2.255           | 192.0.2.0/24
      192.0.2.0 - 192.0.2.127           | 192.0.2.0/25
      192.0.2.7                         | 192.0.2.7/32
      0.0.0.0 - 255.255.255.255         | 0.0.0.0/0
      192.0.2.0 - 192.0.2.99            | 192.0.2.0 - 192.0.2.99
      192.0.2.1 - 192.0.2.2             | 192.0.2.1 - 192.0.2.2
      192.0.2.64 - 192.0.3.63           | 192.0.2.64 - 192.0.3.63
      198.51.100.0 - 198.51.101.255     | 198.51.100.0/23
      198.51.101.0 - 198.51.102.255     | 198.51.101.0 - 198.51.102.255
      2001:DB8:0:0::/32                 | 2001:db8::/32
      2001:db8:0:0:1:0:0:1              | 2001:db8::1:0:0:1/128
      2001:0:0:1:0:0:0:1                | 2001:0:0:1::1/128
      2001:db8:0:1:1:1:1:1              | 2001:db8:0:1:1:1:1:1/128
      ::/0                              | ::/0
      ::1                               | ::1/128
      2001:db8:8000::/33                | 2001:db8:8000::/33
      2001:db8:: - 2001:db8::ff         | 2001:db8::/120
      2001:db8::1 - 2001:db8::ff        | 2001:db8::1 - 2001:db8::ff
      ::fffe:0:0 - ::ffff:0:0           | ::fffe:0:0 - ::ffff:0.0.0.0
      """)
  void printsOneCidrBlockAsPrefixElseAsRange(String text, String printed) {
    assertEquals(printed, range(text).toString(), text);
    assertEquals(range(text), range(printed), "printed form reads back: " + printed);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      192.0.2.0/24              | 192.0.2.0           | true
      192.0.2.0/24              | 192.0.2.255         | true
      192.0.2.0/24              | 192.0.3.0           | false
      192.0.2.0/24              | 192.0.1.255         | false
      192.0.2.0/24              | 192.0.2.64/26       | true
      192.0.2.0/24              | 192.0.2.0/23        | false
      192.0.2.0/24              | 192.0.2.0/24        | true
      192.0.2.0 - 192.0.2.99    | 192.0.2.50 - 192.0.2.150 | false
      2001:db8::/32             | 2001:db8:ffff::1    | true
      2001:db8::/32             | 2001:db9::          | false
      2001:db8::/32             | 192.0.2.1           | false
      ::/0                      | 192.0.2.1           | true
      192.0.2.0/24              | ::ffff:192.0.2.9    | true
      8000::/1                  | ffff::1             | true
      8000::/1                  | 7fff::1             | false
      """)
  void containsComparesUnsigned128BitValues(String outer, String inner, boolean contained) {
    assertEquals(contained, range(outer).contains(range(inner)), outer + " ⊇ " + inner);
    long[] address = new long[2];
    if (AddressRange.address(inner, address)) {
      // One address, read without an object: the same answer.
      assertEquals(contained, range(outer).contains(address[0], address[1]), outer + " ∋ " + inner);
    } else {
      assertEquals(true, inner.contains("/") || inner.contains(" - "), inner);
    }
  }

  @Test
  void sortsByFirstAddressThenLargerFirst() {
    List<AddressRange> sorted =
        new ArrayList<>(
            Stream.of(
                    "2001:db8::/48",
                    "198.51.100.0/25",
                    "192.0.2.128/25",
                    "198.51.100.0/24",
                    "192.0.2.0/24",
                    "8000::/1",
                    "::/0",
                    "192.0.2.0/25")
                .map(AddressRangeTest::range)
                .sorted()
                .toList());
    List<String> printed = sorted.stream().map(AddressRange::toString).toList();
    assertEquals(
        List.of(
            "::/0",
            "192.0.2.0/24",
            "192.0.2.0/25",
            "192.0.2.128/25",
            "198.51.100.0/24",
            "198.51.100.0/25",
            "2001:db8::/48",
            "8000::/1"),
        printed);
    assertEquals(0, range("192.0.2.0/24").compareTo(range("192.0.2.0 - 192.0.2.255")));
  }

  @ParameterizedTest(name = "{0} holds {1}")
  @CsvSource({
    "192.0.2.7, 1",
    "192.0.2.0/24, 256",
    "192.0.2.0 - 192.0.2.99, 100",
    "0.0.0.0/0, 4294967296",
    "2001:db8::/64, 18446744073709551616",
    "::/0, 340282366920938463463374607431768211456"
  })
  void sizeCountsAddresses(String text, String size) {
    assertEquals(new BigInteger(size), range(text).size(), text);
  }

  @Test
  void refusesARangeEndingBeforeItStarts() {
    AddressRange r = range("192.0.2.9");
    assertThrows(
        IllegalArgumentException.class,
        () -> new AddressRange(r.firstHi(), r.firstLo() + 1, r.lastHi(), r.lastLo()));
  }

  @Test
  void survivesSerialisation() throws Exception {
    AddressRange r = range("2001:db8:8000::/33");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(r, in.readObject());
    }
  }
}
