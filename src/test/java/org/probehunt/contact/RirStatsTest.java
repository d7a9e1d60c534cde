package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RirStatsTest {
  private static final String APNIC =
      String.join(
          "\n",
          "# comment",
          "2|apnic|20240101|3|19830613|20231231|+1000",
          "apnic|*|ipv4|*|2|summary",
          "apnic|*|ipv6|*|1|summary",
          "apnic|JP|ipv4|203.0.113.0|256|19981123|allocated|A91",
          "apnic|AU|ipv4|198.51.100.0|96|20100101|assigned|A92",
          "apnic|JP|asn|2500|1|19960101|allocated",
          "apnic||ipv4|198.51.100.96|32||available",
          "apnic|CN|ipv4|not-an-address|256|20100101|allocated",
          "apnic|JP|ipv6|2001:db8::|32|20050101|allocated");

  private static final String RIPE =
      String.join(
          "\n",
          "2.3|ripencc|1700000000|1|19930901|20240101|+0100",
          "ripencc|DE|ipv4|192.0.2.0|128|19990101|allocated|R1",
          "ripencc|NL|ipv6|2001:db9:8000::|33|20050101|assigned|R2");

  private static RirStats stats() throws Exception {
    return RirStats.load(List.<Reader>of(new StringReader(APNIC), new StringReader(RIPE)));
  }

  @ParameterizedTest
  @CsvSource({
    "203.0.113.0, apnic, JP",
    "203.0.113.255, apnic, JP",
    "198.51.100.0, apnic, AU",
    "198.51.100.95, apnic, AU",
    "192.0.2.127, ripencc, DE",
    "2001:db8:ffff::1, apnic, JP",
    "[2001:db8::1], apnic, JP",
    "2001:db9:8000::1, ripencc, NL",
    "2001:db9:ffff:ffff::, ripencc, NL"
  })
  void knownAddresses(String ip, String registry, String country) throws Exception {
    assertEquals(
        Optional.of(new RirInfo(registry, country)),
        stats().lookup(ip).map(i -> new RirInfo(i.registry(), i.country())));
  }

  @ParameterizedTest
  @CsvSource({
    "198.51.100.96",
    "192.0.2.128",
    "203.0.114.0",
    "10.0.0.1",
    "2001:db9::1",
    "surf.wil.net",
    "::ffff:10.0.0.1"
  })
  void unknownAddresses(String ip) throws Exception {
    assertEquals(
        Optional.empty(), stats().lookup(ip).map(i -> new RirInfo(i.registry(), i.country())));
  }

  @Test
  void skipsVersionSummaryAsnAndBadLines() throws Exception {
    assertEquals(5, stats().size());
  }

  @Test
  void survivesSerialisation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(stats());
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      RirStats copy = (RirStats) in.readObject();
      assertEquals(
          Optional.of(new RirInfo("apnic", "JP")),
          copy.lookup("203.0.113.9").map(i -> new RirInfo(i.registry(), i.country())));
    }
  }
}
