package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.contact.WhoisRecord.AbuseMailbox;
import org.probehunt.contact.WhoisRecord.Network;
import org.probehunt.contact.WhoisRecord.Organisation;
import org.probehunt.parse.AddressRange;

class WhoisRecordTest {
  private static final FlaggedAddresses FLAGGED =
      FlaggedAddresses.of(List.of("192.0.2.70", "2001:db8:2a00::1", "198.51.100.1"));

  private static RpslObject object(String text) {
    try (RpslReader reader =
        new RpslReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      return reader.next();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Optional<WhoisRecord> record(String text) {
    return WhoisRecord.of(object(text), FLAGGED);
  }

  @Test
  void keepsANetworkHoldingAFlaggedAddressWithWhatItNames() {
    WhoisRecord record =
        record(
                """
        inetnum:  192.0.2.64 - 192.0.2.127
        netname:  EXAMPLE-NET
        status:   ASSIGNED PA
        org:      org-ex1-ripe
        admin-c:  ADM1-RIPE
        tech-c:   TEC1-RIPE
        abuse-c:  ab1-ripe
        abuse-c:  AB1-RIPE
        abuse-c:  AB2-RIPE
        mnt-irt:  IRT-EXAMPLE
        source:   RIPE-NONAUTH
        """)
            .orElseThrow();
    Network expected =
        new Network(
            AddressRange.parse("192.0.2.64/26").orElseThrow(),
            "EXAMPLE-NET",
            "ASSIGNED PA",
            "ripencc",
            List.of("AB1-RIPE", "AB2-RIPE"),
            "ORG-EX1-RIPE",
            List.of("IRT-EXAMPLE"),
            null,
            null,
            null);
    assertEquals(expected, record);
    assertEquals(
        Set.of("AB1-RIPE", "AB2-RIPE", "ORG-EX1-RIPE", "IRT-EXAMPLE"),
        record.named(),
        "never admin-c or tech-c");
    assertEquals("192.0.2.64/26", record.handle());
  }

  @Test
  void readsLacnicNetworks() {
    Network network =
        (Network)
            record(
                    """
        inetnum:     2001:db8:2a00::/40
        status:      reassigned
        owner:       Example Servicios
        owner-id:    UY-EXSE-LACNIC
        tech-c:
        abuse-c:     EXS
        inetnum-up:  2001:db8:2000::/36
        source:      LACNIC
        """)
                .orElseThrow();
    assertEquals("lacnic", network.registry());
    assertEquals(null, network.netname());
    assertEquals("Example Servicios", network.owner());
    assertEquals("UY-EXSE-LACNIC", network.ownerId());
    assertEquals("2001:db8:2000::/36", network.inetnumUp().toString());
    assertEquals(List.of("EXS"), network.abuseC());
    Network older =
        (Network)
            record(
                    "inetnum: 192.0.2/25\nownerid: UY-OLD-LACNIC\ninetnum-up: not a range\nsource: LACNIC")
                .orElseThrow();
    assertEquals("UY-OLD-LACNIC", older.ownerId(), "the query output's spelling");
    assertEquals(null, older.inetnumUp());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "inetnum: 203.0.113.0 - 203.0.113.255\nnetname: NOT-FLAGGED",
        "inetnum: 192.0.2.0 - 192.0.1.255\nnetname: BACKWARDS",
        "inet6num: not-an-address/48\nnetname: BROKEN",
        "inetnum: 0.0.0.0 - 255.255.255.255\nnetname: SOMETHING",
        "inetnum: 192.0.0.0 - 193.255.255.255\nnetname: TOO-LARGE-FOR-A-NETWORK",
        "inet6num: 2000::/3\nnetname: TOO-LARGE-FOR-A-NETWORK",
        "inet6num: ::/0\nnetname: ROOT",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: iana-blk",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: ERX-NETBLOCK",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: IANA-NETBLOCK-192",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: AFRINIC-NET-TRANSFERRED-20240101",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: EU-ZZ-192",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: X\ndescr: one\ndescr: Not allocated to APNIC",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: X\ndescr: Early registration addresses",
        "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: X\ndescr: not managed by the RIPE NCC",
        "mntner: EXAMPLE-MNT\nupd-to: abuse@example.net",
        "route: 192.0.2.0/24\norigin: AS64496",
      })
  void dropsWhatCannotGiveANetworksContact(String text) {
    assertEquals(Optional.empty(), record(text), text);
  }

  @Test
  void keepsContactsOnlyWithAUsableAbuseMailbox() {
    assertEquals(
        Optional.of(
            new AbuseMailbox(AbuseMailbox.Kind.ROLE, "AR1-RIPE", "abuse@example.net", "ripencc")),
        record(
            """
        role:           Example Abuse
        e-mail:         noc@example.net
        abuse-mailbox:  ********
        abuse-mailbox:  abuse@EXAMPLE.net
        nic-hdl:        ar1-ripe
        source:         RIPE # Filtered
        """));
    assertEquals(
        Optional.of(
            new AbuseMailbox(AbuseMailbox.Kind.IRT, "IRT-EXAMPLE-JP", "abuse@example.jp", "apnic")),
        record("irt: IRT-EXAMPLE-JP\nabuse-mailbox: abuse@example.jp\nsource: APNIC"));
    assertTrue(
        record("person: Name Removed\nnic-hdl: P1-AFRINIC\nabuse-mailbox: a@example.org")
            .isPresent(),
        "a person with an abuse mailbox counts as a role");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "role: Ops\ne-mail: noc@example.net\nnic-hdl: OPS1-RIPE",
        "role: Ops\ne-mail: unread@ripe.net\nnic-hdl: OPS1-RIPE",
        "role: Ops\nabuse-mailbox: unread@ripe.net\nnic-hdl: OPS1-RIPE",
        "role: Ops\nabuse-mailbox: ***@example.net\nnic-hdl: OPS1-RIPE",
        "role: Ops\nabuse-mailbox: abuse@example.net",
        "irt: IRT-MASKED\nabuse-mailbox: ********\ne-mail: ********",
        "person: Placeholder Person Object\nnic-hdl: DUMY-RIPE",
        "organisation: ORG-X1-RIPE\norg-type: OTHER\ne-mail: org@example.net",
      })
  void dropsContactsWithNothingUseful(String text) {
    assertEquals(Optional.empty(), record(text), text);
  }

  @Test
  void keepsOrganisationsForTheirAbuseCOrName() {
    assertEquals(
        Optional.of(
            new Organisation("ORG-EX1-RIPE", "Example B.V.", List.of("AR1-RIPE"), "ripencc")),
        record(
            "organisation: org-ex1-ripe\norg-name: Example B.V.\nabuse-c: AR1-RIPE\n"
                + "source: RIPE"));
    WhoisRecord nameless =
        record("organisation: ORG-EX2-AP\nabuse-c: AE1-AP\nsource: APNIC").orElseThrow();
    assertEquals(Set.of("AE1-AP"), nameless.named());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "RIPE, ripencc",
        "ripe-nonauth, ripencc",
        "APNIC, apnic",
        "AFRINIC, afrinic",
        "LACNIC, lacnic",
        "ARIN, arin",
        "TEST, -",
        "RIPEX, -",
        "'', -"
      })
  void namesRegistriesAsTheStatisticsDo(String source, String registry) {
    assertEquals(registry, WhoisRecords.registry(object("role: R\nsource: " + source)), source);
  }
}
