package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser over answers in the registries' own shapes (fixtures under contact/rdap/). */
class RdapResponsesTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

  static byte[] fixture(String name) {
    try (InputStream in = RdapResponsesTest.class.getResourceAsStream("rdap/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RdapNetwork network(byte[] body, String ip) {
    RdapResponses.Parsed parsed = RdapResponses.parse(body, ip, "test", NOW);
    assertNull(parsed.failure(), "failure for " + ip);
    assertNotNull(parsed.network(), "network for " + ip);
    return parsed.network();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // ARIN: the abuse POC is nested inside the registrant org.
        "arin-192.0.2.0.json | 192.0.2.10 | 192.0.2.0 | 192.0.2.255 | abuse@example.com"
            + " | Example Hosting Inc. | NET-192-0-2-0-1",
        // RIPE: abuse at the top, typed 'abuse'; a maintainer is a registrant before the org.
        "ripe-198.51.100.0.json | 198.51.100.7 | 198.51.100.0 | 198.51.100.255 | abuse@example.nl"
            + " | Example Networks B.V. | 198.51.100.0 - 198.51.100.255",
        // APNIC: an IRT object with the abuse role.
        "apnic-203.0.113.0.json | 203.0.113.9 | 203.0.113.0 | 203.0.113.255 | abuse@example.jp"
            + " | Example Broadband K.K. | 203.0.113.0 - 203.0.113.255",
        // LACNIC: full-length IPv6, the abuse contact also listed (without the role) inside.
        "lacnic-2001.db8.1000.json | 2001:db8:1000::1 | 2001:db8:1000:: | 2001:db8:1fff:ffff:ffff:"
            + "ffff:ffff:ffff | redes@ejemplo.example | Ejemplo Telecomunicaciones S.A."
            + " | 2001:db8:1000::/36",
        // AFRINIC as recorded in 2017: entities without roles, so no abuse contact and no holder.
        "afrinic-2001.db8.2000.json | 2001:db8:2000::5 | 2001:db8:2000:: | 2001:db8:2000:ffff:ffff"
            + ":ffff:ffff:ffff | - | ORG-EX9-AFRINIC | 2001:0db8:2000::/48"
      })
  void registryShapes(
      String file,
      String ip,
      String first,
      String last,
      String mailbox,
      String holder,
      String handle) {
    RdapNetwork n = network(fixture(file), ip);
    assertEquals(new RdapNetwork(first, last, "test", mailbox, holder, handle, NOW), n, file);
  }

  @Test
  void oldShapesWithPrefixSuffixesAndZeroPaddingAreRead() {
    String ripe2017 =
        "{\"objectClassName\":\"ip network\",\"startAddress\":\"192.0.2.0/32\","
            + "\"endAddress\":\"192.0.2.127/32\"}";
    String arin2017 = "{\"startAddress\":\"192.000.002.000\",\"endAddress\":\"192.000.002.063\"}";
    assertEquals("192.0.2.127", network(bytes(ripe2017), "192.0.2.1").last(), ripe2017);
    assertEquals("192.0.2.63", network(bytes(arin2017), "192.0.2.1").last(), arin2017);
  }

  @Test
  void cidr0IsUsedWhenTheAddressesAreMissing() {
    String json =
        "{\"objectClassName\":\"ip network\",\"handle\":\"X\",\"cidr0_cidrs\":"
            + "[{\"v6prefix\":\"2001:db8:40::\",\"length\":42}]}";
    RdapNetwork n = network(bytes(json), "2001:db8:40::1");
    assertEquals("2001:db8:40::", n.first(), json);
    assertEquals("2001:db8:7f:ffff:ffff:ffff:ffff:ffff", n.last(), json);
  }

  @Test
  void withoutAnyRangeTheNetworkIsTheAddressItself() {
    RdapNetwork n = network(bytes("{\"objectClassName\":\"ip network\"}"), "192.0.2.77");
    assertEquals("192.0.2.77", n.first());
    assertEquals("192.0.2.77", n.last());
  }

  @Test
  void unsafeMailboxesAreNotTakenAndTheNextAbuseContactIs() {
    String json =
        "{\"objectClassName\":\"ip network\",\"entities\":["
            + "{\"roles\":[\"abuse\"],\"vcardArray\":[\"vcard\",[[\"email\",{},\"text\","
            + "\"abuse@example.com\\r\\nBcc: victim@example.org\"],"
            + "[\"email\",{},\"text\",\"x y@a.b\"]]]},"
            + "{\"roles\":[\"registrant\"],\"handle\":\"H1\",\"entities\":[{\"roles\":[\"abuse\"],"
            + "\"vcardArray\":[\"vcard\",[[\"email\",{},\"text\",\"mailto:Abuse@Example.ORG\"]]]}]}]}";
    RdapNetwork n = network(bytes(json), "192.0.2.1");
    assertEquals("Abuse@example.org", n.mailbox(), json);
    assertEquals("H1", n.holder(), "a registrant without fn is named by its handle");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<html>Service Unavailable</html>",
        "[]",
        "{\"objectClassName\":\"entity\"}",
        "{\"a\":"
      })
  void otherAnswersAreBadJson(String body) {
    RdapResponses.Parsed parsed = RdapResponses.parse(bytes(body), "192.0.2.1", "test", NOW);
    assertNull(parsed.network(), body);
    assertEquals("bad json", parsed.failure(), body);
  }

  @Test
  void holderTextIsKeptOnOneLine() {
    String json = "{\"objectClassName\":\"ip network\",\"name\":\"Line one\\nLine\\ttwo\"}";
    assertEquals("Line one Line two", network(bytes(json), "192.0.2.1").holder(), json);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
