package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probehunt.contact.WhoisRecord.AbuseMailbox;
import org.probehunt.contact.WhoisRecord.Network;
import org.probehunt.contact.WhoisRecord.Organisation;
import org.probehunt.parse.AddressRange;

/** The lookup rules on hand-built records: nesting, RIPE's order, registries kept apart. */
class WhoisDirectoryRulesTest {
  private static Network network(
      String range,
      String netname,
      List<String> abuseC,
      String org,
      List<String> mntIrt,
      String registry) {
    return new Network(
        AddressRange.parse(range).orElseThrow(),
        netname,
        null,
        registry,
        abuseC,
        org,
        mntIrt,
        null,
        null,
        null);
  }

  private static AbuseMailbox role(String handle, String mailbox, String registry) {
    return new AbuseMailbox(AbuseMailbox.Kind.ROLE, handle, mailbox, registry);
  }

  private static final WhoisDirectory NESTED =
      WhoisDirectory.of(
          List.of(
              network("192.0.2.0/24", "A", List.of("RA"), null, List.of(), "ripencc"),
              network("192.0.2.0/26", "B", List.of("RB"), null, List.of(), "ripencc"),
              network("192.0.2.64/26", "C", List.of(), null, List.of(), "ripencc"),
              network("192.0.2.64/28", "D", List.of("RD"), null, List.of(), "ripencc"),
              network("192.0.2.96 - 192.0.2.99", "E", List.of("RE"), null, List.of(), "ripencc"),
              network("192.0.2.192/26", "F", List.of("RF"), null, List.of(), "ripencc"),
              role("RA", "a@example.net", "ripencc"),
              role("RB", "b@example.net", "ripencc"),
              role("RD", "d@example.net", "ripencc"),
              role("RE", "e@example.net", "ripencc"),
              role("RF", "f@example.net", "ripencc")));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "192.0.2.0, B, b",
    "192.0.2.63, B, b",
    "192.0.2.64, D, d",
    "192.0.2.79, D, d",
    "192.0.2.80, C, a",
    "192.0.2.97, E, e",
    "192.0.2.100, C, a",
    "192.0.2.128, A, a",
    "192.0.2.191, A, a",
    "192.0.2.192, F, f",
    "192.0.2.255, F, f"
  })
  void theMostSpecificNetworkDecidesAndParentsFillIn(String ip, String netname, String mailbox) {
    WhoisAnswer answer = NESTED.abuseOf(ip, "ripencc").orElseThrow();
    assertEquals(netname, answer.netname(), ip);
    assertEquals(mailbox + "@example.net", answer.mailbox(), ip);
  }

  @Test
  void followsRipesOrderAbuseCThenOrgThenIrt() {
    WhoisDirectory directory =
        WhoisDirectory.of(
            List.of(
                network(
                    "198.51.100.0/26",
                    "ALL",
                    List.of("MISSING", "R1"),
                    "ORG1",
                    List.of("IRT1"),
                    "apnic"),
                network(
                    "198.51.100.64/26", "ORG-AND-IRT", List.of(), "ORG1", List.of("IRT1"), "apnic"),
                network(
                    "198.51.100.128/26", "IRT-ONLY", List.of(), "ORG2", List.of("IRT1"), "apnic"),
                role("R1", "r1@example.net", "apnic"),
                role("R2", "r2@example.net", "apnic"),
                new AbuseMailbox(AbuseMailbox.Kind.IRT, "IRT1", "irt@example.net", "apnic"),
                new Organisation("ORG1", "Org One", List.of("R2"), "apnic"),
                new Organisation("ORG2", null, List.of("NOBODY"), "apnic")));
    assertEquals("R1", directory.abuseOf("198.51.100.1", null).orElseThrow().mailboxHandle());
    WhoisAnswer byOrg = directory.abuseOf("198.51.100.65", null).orElseThrow();
    assertEquals(
        new WhoisAnswer(
            "r2@example.net", byOrg.network(), "ORG-AND-IRT", "Org One", "ORG1", "apnic", "R2"),
        byOrg);
    WhoisAnswer byIrt = directory.abuseOf("198.51.100.129", null).orElseThrow();
    assertEquals(
        new WhoisAnswer(
            "irt@example.net", byIrt.network(), "IRT-ONLY", "ORG2", "ORG2", "apnic", "IRT1"),
        byIrt,
        "an org without name is named by its handle");
  }

  @Test
  void resolvesHandlesOnlyWithinTheNetworksRegistryAndByKind() {
    WhoisDirectory directory =
        WhoisDirectory.of(
            List.of(
                network(
                    "203.0.113.0/24",
                    "AP-NET",
                    List.of("SAME-1"),
                    null,
                    List.of("SAME-2"),
                    "apnic"),
                role("SAME-1", "ripe-role@example.net", "ripencc"),
                role("SAME-2", "a-role-not-an-irt@example.net", "apnic")));
    WhoisAnswer answer = directory.abuseOf("203.0.113.1", "apnic").orElseThrow();
    assertEquals(null, answer.mailbox(), "a RIPE role and an APNIC role are not APNIC's irt");
    assertEquals("AP-NET", answer.holder(), "holder falls back to the netname");
    assertEquals(Optional.empty(), directory.abuseOf("203.0.113.1", "ripencc"));
  }
}
