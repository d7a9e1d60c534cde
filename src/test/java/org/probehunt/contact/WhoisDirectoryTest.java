package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.probehunt.parse.AddressRange;

/** Reads the fixture dumps, in the registries' own shapes, end to end. */
class WhoisDirectoryTest {
  private static final List<String> DUMPS =
      List.of(
          "ripe.db.inetnum",
          "ripe.db.inet6num",
          "ripe.db.role",
          "ripe.db.person",
          "ripe.db.organisation",
          "apnic.db.inetnum",
          "apnic.db.irt",
          "apnic.db.role",
          "afrinic.db",
          "lacnic.db");
  private static final FlaggedAddresses FLAGGED =
      FlaggedAddresses.of(
          List.of(
              "198.51.100.7",
              "198.51.100.130",
              "198.51.100.200",
              "198.51.100.240",
              "192.0.2.5",
              "192.0.2.40",
              "192.0.2.100",
              "192.0.2.200",
              "192.0.2.250",
              "203.0.113.5",
              "203.0.113.150",
              "203.0.113.200",
              "2001:db8:1000::1",
              "2001:db8:1fff::1",
              "2001:db8:2a00::1",
              "2001:db8:ffff::1",
              "surf.wil.net"));
  private static final List<WhoisRecord> RECORDS = records();
  private static final WhoisDirectory DIRECTORY = WhoisDirectory.of(RECORDS);

  private static InputStream open(String dump) {
    return WhoisDirectoryTest.class.getResourceAsStream("whois/" + dump);
  }

  private static List<RpslObject> objects(InputStream in) throws IOException {
    try (RpslReader reader = new RpslReader(in)) {
      List<RpslObject> objects = new ArrayList<>();
      reader.forEachRemaining(objects::add);
      assertEquals(0, reader.skippedLines() + reader.cutLines(), "fixtures hold no junk");
      return objects;
    }
  }

  private static List<WhoisRecord> records() {
    List<WhoisRecord> records = new ArrayList<>();
    for (String dump : DUMPS) {
      try {
        objects(open(dump)).forEach(o -> WhoisRecord.of(o, FLAGGED).ifPresent(records::add));
      } catch (IOException e) {
        throw new UncheckedIOException(dump, e);
      }
    }
    return records;
  }

  private static Arguments found(
      String ip,
      String registry,
      String mailbox,
      String network,
      String netname,
      String holder,
      String holderId,
      String answeredBy,
      String handle) {
    AddressRange range = AddressRange.parse(network).orElseThrow();
    return Arguments.of(
        ip,
        registry,
        new WhoisAnswer(mailbox, range, netname, holder, holderId, answeredBy, handle));
  }

  static Stream<Arguments> answers() {
    String customerA = "Security@customer-a.example.com";
    String lir = "abuse@lir.example.net";
    String lirName = "Ex\u00e4mple LIR B.V.";
    return Stream.of(
        found(
            "198.51.100.7",
            "ripencc",
            customerA,
            "198.51.100.0/25",
            "EXAMPLE-CUSTOMER-A",
            "EXAMPLE-CUSTOMER-A",
            null,
            "ripencc",
            "AC2-RIPE"),
        found(
            "::ffff:198.51.100.7",
            "RIPENCC",
            customerA,
            "198.51.100.0/25",
            "EXAMPLE-CUSTOMER-A",
            "EXAMPLE-CUSTOMER-A",
            null,
            "ripencc",
            "AC2-RIPE"),
        found(
            "198.51.100.7",
            null,
            customerA,
            "198.51.100.0/25",
            "EXAMPLE-CUSTOMER-A",
            "EXAMPLE-CUSTOMER-A",
            null,
            "ripencc",
            "AC2-RIPE"),
        found(
            "198.51.100.130",
            "ripencc",
            lir,
            "198.51.100.128/26",
            "EXAMPLE-CUSTOMER-B",
            "EXAMPLE-CUSTOMER-B",
            null,
            "ripencc",
            "AR1-RIPE"),
        found(
            "198.51.100.200",
            "ripencc",
            lir,
            "198.51.100.192/27",
            "EXAMPLE-CUSTOMER-C",
            "Example Hosting Ltd",
            "ORG-NA1-RIPE",
            "ripencc",
            "AR1-RIPE"),
        found(
            "198.51.100.240",
            "ripencc",
            lir,
            "198.51.100.0/24",
            "NL-EXAMPLE-20240101",
            lirName,
            "ORG-EL1-RIPE",
            "ripencc",
            "AR1-RIPE"),
        found(
            "2001:db8:1000::1",
            "ripencc",
            customerA,
            "2001:db8:1000::/48",
            "EXAMPLE-CUSTOMER-A-V6",
            "EXAMPLE-CUSTOMER-A-V6",
            null,
            "ripencc",
            "AC2-RIPE"),
        found(
            "2001:db8:1fff::1",
            null,
            lir,
            "2001:db8:1000::/36",
            "NL-EXAMPLE-20240101",
            lirName,
            "ORG-EL1-RIPE",
            "ripencc",
            "AR1-RIPE"),
        found(
            "203.0.113.5",
            "apnic",
            "abuse@ap.example.jp",
            "203.0.113.0/25",
            "EXAMPLE-AP-CUST1",
            "EXAMPLE-AP-CUST1",
            null,
            "apnic",
            "IRT-EXAMPLE-JP"),
        found(
            "203.0.113.150",
            "apnic",
            "abuse@ap.example.jp",
            "203.0.113.128/26",
            "EXAMPLE-AP-CUST2",
            "EXAMPLE-AP-CUST2",
            null,
            "apnic",
            "IRT-EXAMPLE-JP"),
        found(
            "203.0.113.200",
            null,
            "abuse@ap.example.jp",
            "203.0.113.0/24",
            "EXAMPLE-AP",
            "ORG-EA1-AP",
            "ORG-EA1-AP",
            "apnic",
            "IRT-EXAMPLE-JP"),
        found(
            "192.0.2.200",
            "afrinic",
            "abuse@af.example.org",
            "192.0.2.192/27",
            "EXAMPLE-AF-CUSTOMER",
            "EXAMPLE-AF-CUSTOMER",
            null,
            "afrinic",
            "EAA1-AFRINIC"),
        found(
            "192.0.2.250",
            "afrinic",
            "abuse@af.example.org",
            "192.0.2.128/25",
            "ZA-EXAMPLE-20240101",
            "Example Africa Networks Ltd",
            "ORG-EAF1-AFRINIC",
            "afrinic",
            "EAA1-AFRINIC"),
        found(
            "192.0.2.40",
            "lacnic",
            null,
            "192.0.2.32/27",
            null,
            "Cliente Ejemplo S.A.",
            "UY-CLEJ-LACNIC",
            "lacnic",
            null),
        found(
            "192.0.2.5",
            null,
            null,
            "192.0.2.0/26",
            null,
            "Red Acad\u00e9mica de Ejemplo",
            "UY-RAEJ-LACNIC",
            "lacnic",
            null),
        found(
            "2001:db8:2a00::1",
            "lacnic",
            null,
            "2001:db8:2a00::/40",
            null,
            "\u00d1and\u00fa Servicios",
            "UY-NASE-LACNIC",
            "lacnic",
            null));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("answers")
  void findsTheAbuseMailboxOfTheMostSpecificNetwork(
      String ip, String registry, WhoisAnswer expected) {
    assertEquals(Optional.of(expected), DIRECTORY.abuseOf(ip, registry), ip + " in " + registry);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "192.0.2.100, -",
        "192.0.2.100, ripencc",
        "192.0.2.100, apnic",
        "198.51.100.7, apnic",
        "198.51.100.7, lacnic",
        "198.51.100.7, arin",
        "192.0.2.40, ripencc",
        "2001:db8:ffff::1, -",
        "surf.wil.net, -",
        "'', -"
      })
  void answersNothingOutsideTheRegistrysNetworksOrInPlaceholders(String ip, String registry) {
    assertEquals(Optional.empty(), DIRECTORY.abuseOf(ip, registry), ip + " in " + registry);
  }

  @Test
  void keepsOnlyFlaggedNonPlaceholderNetworks() {
    Set<String> netnames =
        RECORDS.stream()
            .filter(r -> r instanceof WhoisRecord.Network)
            .map(r -> ((WhoisRecord.Network) r).range().toString())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "198.51.100.0/24",
            "198.51.100.0/25",
            "198.51.100.128/26",
            "198.51.100.192/27",
            "2001:db8:1000::/36",
            "2001:db8:1000::/48",
            "203.0.113.0/24",
            "203.0.113.0/25",
            "203.0.113.128/26",
            "192.0.2.128/25",
            "192.0.2.192/27",
            "192.0.2.0/26",
            "192.0.2.32/27",
            "2001:db8:2000::/36",
            "2001:db8:2a00::/40"),
        netnames);
    assertEquals(15, DIRECTORY.networks());
  }

  @Test
  void neededKeepsTheContactsKeptNetworksNameAndNothingElse() {
    List<WhoisRecord> needed = WhoisDirectory.needed(RECORDS);
    Set<String> contacts =
        needed.stream()
            .filter(r -> !(r instanceof WhoisRecord.Network))
            .map(WhoisRecord::handle)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "ORG-EL1-RIPE",
            "ORG-NA1-RIPE",
            "AR1-RIPE",
            "AC2-RIPE",
            "IRT-EXAMPLE-JP",
            "ORG-EAF1-AFRINIC",
            "EAA1-AFRINIC"),
        contacts,
        "ORG-IANA1-RIPE: named by placeholders");
    assertTrue(
        RECORDS.stream().anyMatch(r -> r.handle().equals("ORG-IANA1-RIPE")),
        "the fixtures do hold an unneeded organisation");
    WhoisDirectory slim = WhoisDirectory.of(needed);
    for (String ip : List.of("198.51.100.240", "198.51.100.200", "203.0.113.150", "192.0.2.5")) {
      assertEquals(DIRECTORY.abuseOf(ip, null), slim.abuseOf(ip, null), ip);
    }
  }

  @Test
  void readsADumpThroughGzip() throws IOException {
    byte[] plain;
    try (InputStream in = open("ripe.db.inetnum")) {
      plain = in.readAllBytes();
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(plain);
    }
    List<RpslObject> unzipped =
        objects(new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray())));
    assertEquals(objects(new ByteArrayInputStream(plain)), unzipped);
    assertEquals(7, unzipped.size());
    assertEquals(
        Optional.of("Customer A web hosting, second floor racks and the office"),
        unzipped.get(3).first("descr"),
        "continuation lines joined");
    assertEquals(
        Optional.of("AC2-RIPE".toLowerCase(Locale.ROOT)), unzipped.get(3).first("abuse-c"));
  }

  @Test
  void survivesSerialisation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(DIRECTORY);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      WhoisDirectory copy = (WhoisDirectory) in.readObject();
      assertEquals(
          DIRECTORY.abuseOf("198.51.100.130", "ripencc"),
          copy.abuseOf("198.51.100.130", "ripencc"));
    }
  }
}
