package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who hears about a host. Public addresses here are in 11.0.0.0/8 and 2a00:db8::/32, since the
 * documentation ranges are special-use and never drafted.
 */
class ContactResolverTest {
  private static final String FILE =
      String.join(
          "\n",
          "cidr_or_domain,address,name",
          "# a comment, then a blank line",
          "",
          "11.0.2.0/24,abuse@isp.example,Example ISP",
          "11.0.2.128/25,noc@small.example",
          "2a00:db8::/32,abuse@v6.example,\"V6 Net, Ltd\"",
          "wil.net,security@wil.net",
          "wil.net,noc@wil.net",
          "dept.example.ac.jp,cert@example.ac.jp",
          "11.0.9.0/24,abuse@us-isp.example,example.ne.jp");

  private static final NetworkDirectory WHOIS =
      (ip, registry) ->
          ip.startsWith("11.0.5.")
              ? Optional.of(
                  new NetworkContact(
                      "abuse@five.example", "11.0.5.0/24", "Five Net", "ORG-F1", "ripencc"))
              : ip.startsWith("11.0.6.")
                  ? Optional.of(
                      new NetworkContact(null, "11.0.6.0/24", "Six Net", "ORG-S1", "apnic"))
                  : ip.startsWith("11.3.")
                      ? Optional.of(
                          new NetworkContact(null, "11.3.0.0/16", "THREE-NET", null, "apnic"))
                      : Optional.empty();

  private static final NetworkDirectory RDAP =
      (ip, registry) ->
          ip.startsWith("11.0.5.") || ip.startsWith("11.0.7.")
              ? Optional.of(
                  new NetworkContact("abuse@seven.example", "11.0.7.0/24", "Seven", null, "arin"))
              : Optional.empty();

  private static ContactBook book() throws ContactException {
    return ContactBook.load(new StringReader(FILE), "contacts.csv");
  }

  private static ContactResolver resolver(ContactBook book) {
    return new ContactResolver(
        book, null, WHOIS, RDAP, Map.of("11.0.8.1", "dsl-1.provider.co.jp"), Map.of(), Set.of());
  }

  private static Assignment assign(String host) throws ContactException {
    return resolver(book()).assign(host);
  }

  @Test
  void namesGoToPostmasterAndAbuseOfTheirDomain() throws ContactException {
    Assignment a = resolver(ContactBook.EMPTY).assign("www.myname.co.jp");
    assertEquals(ContactSource.DOMAIN, a.source());
    assertEquals("myname.co.jp", a.contact().key());
    assertEquals(List.of("postmaster@myname.co.jp", "abuse@myname.co.jp"), a.contact().to());
    assertEquals(Optional.of("JP"), ContactGroup.country(a.contact()));
    assertEquals(Optional.of("http://www.myname.co.jp/"), ContactGroup.checkUrl(a.contact()));
  }

  @ParameterizedTest
  @CsvSource({
    "wil.net, http://www.wil.net/",
    "surf.wil.net, ''",
    "net_198-51-100-0_24, ''",
    "holder_ripencc_org-ex1-ripe, ''",
    "host_box-example, ''",
    "abuse@wil.net, ''"
  })
  void onlyADomainsOwnKeyHasACheckUrl(String key, String url) {
    Contact contact = new Contact(key, List.of("abuse@wil.net"), null, null, null, null);
    assertEquals(
        url.isEmpty() ? Optional.empty() : Optional.of(url), ContactGroup.checkUrl(contact), key);
  }

  @Test
  void listedDomainsOverrideTheDefaults() throws ContactException {
    Assignment a = assign("surf.wil.net");
    assertEquals(ContactSource.CONTACTS_FILE, a.source());
    assertEquals("wil.net", a.domain());
    assertEquals(List.of("security@wil.net", "noc@wil.net"), a.contact().to());
    assertEquals(List.of("cert@example.ac.jp"), assign("x.dept.example.ac.jp").contact().to());
    assertEquals(ContactSource.DOMAIN, assign("www.example.ac.jp").source());
  }

  @ParameterizedTest
  @CsvSource({
    "11.0.2.1, file_example-isp, abuse@isp.example",
    "11.0.2.200, file_small-example, noc@small.example",
    "[2a00:db8::1], file_v6-net-ltd, abuse@v6.example"
  })
  void longestPrefixWins(String ip, String key, String address) throws ContactException {
    Assignment a = assign(ip);
    assertEquals(ContactSource.CONTACTS_FILE, a.source());
    assertEquals(key, a.contact().key());
    assertEquals(List.of(address), a.contact().to());
  }

  @Test
  void aFileRowNamedLikeADomainNeverTakesTheDomainsKey() throws ContactException {
    Assignment row = assign("11.0.9.9");
    Assignment domain = assign("www.example.ne.jp");
    assertEquals("file_example-ne-jp", row.contact().key());
    assertEquals("example.ne.jp", domain.contact().key());
    assertEquals(Optional.empty(), ContactGroup.country(row.contact()));
    assertEquals(Optional.of("JP"), ContactGroup.country(domain.contact()));
  }

  @Test
  void whoisComesBeforeRdapAndGivesTheNetwork() throws ContactException {
    Assignment a = assign("11.0.5.3");
    assertEquals(ContactSource.WHOIS_DB, a.source());
    assertEquals("abuse@five.example", a.contact().key());
    assertEquals(List.of("abuse@five.example"), a.contact().to());
    assertEquals("abuse@five.example", a.abuse());
    assertEquals("11.0.5.0/24", a.network());
    assertEquals("Five Net", a.holder());
    assertEquals(ContactSource.RDAP, assign("11.0.7.3").source());
  }

  @Test
  void aHolderWithoutMailboxSharesOneUnaddressedDraft() throws ContactException {
    Assignment a = assign("11.0.6.1");
    Assignment b = assign("11.0.6.77");
    assertEquals(ContactSource.HOLDER, a.source());
    assertEquals("holder_apnic_org-s1", a.contact().key());
    assertEquals(a.contact().key(), b.contact().key());
    assertTrue(a.contact().to().isEmpty());
    assertTrue(a.contact().lookupHint().contains("11.0.6.1"), a.contact().lookupHint());
  }

  @Test
  void aNetworkThatNamesNoOrganisationIsGroupedByItsName() throws ContactException {
    Assignment a = assign("11.3.1.1");
    assertEquals(ContactSource.HOLDER, a.source());
    assertEquals("holder_apnic_three-net", a.contact().key());
    assertEquals(a.contact().key(), assign("11.3.200.9").contact().key());
    assertEquals("11.3.0.0/16", a.network());
  }

  @Test
  void reverseNamesComeAfterTheRegistries() throws ContactException {
    Assignment a = assign("11.0.8.1");
    assertEquals(ContactSource.REVERSE_DNS, a.source());
    assertEquals("provider.co.jp", a.contact().key());
    assertEquals("provider.co.jp", a.domain());
  }

  @Test
  void namesInTheServersOwnDomainAreNeverMailed() throws ContactException {
    // Reverse DNS says what the address's owner wants: a scanner may call itself www.myname.co.jp.
    ContactResolver own =
        new ContactResolver(
            ContactBook.EMPTY,
            null,
            WHOIS,
            RDAP,
            Map.of("11.0.8.1", "dsl-1.provider.co.jp", "11.0.4.7", "mail.myname.co.jp"),
            Map.of(),
            ContactResolver.ownDomains("www.myname.co.jp"));
    Assignment named = own.assign("www.myname.co.jp");
    assertEquals(ContactSource.NAME, named.source());
    assertEquals("host_www-myname-co-jp", named.contact().key());
    assertTrue(named.contact().to().isEmpty());
    assertEquals("name in the server's own domain myname.co.jp: not mailed", named.note());
    Assignment reverse = own.assign("11.0.4.7");
    assertEquals(ContactSource.NETWORK, reverse.source());
    assertNull(reverse.domain());
    // Other names and reverse names go where they always did.
    assertEquals(ContactSource.DOMAIN, own.assign("scan.other.co.jp").source());
    assertEquals(ContactSource.REVERSE_DNS, own.assign("11.0.8.1").source());
    assertEquals(Set.of(), ContactResolver.ownDomains("localhost"));
    assertEquals(Set.of(), ContactResolver.ownDomains(null));
  }

  @Test
  void withoutRegistryDataAddressesAreGroupedByNetwork() throws ContactException {
    Assignment v4 = assign("11.0.4.7");
    assertEquals(ContactSource.NETWORK, v4.source());
    assertEquals("net_11-0-4-0_24", v4.contact().key());
    assertEquals("11.0.4.0/24", v4.network());
    assertEquals("whois 11.0.4.7 / https://rdap.org/ip/11.0.4.7", v4.contact().lookupHint());
    Assignment v6 = resolver(ContactBook.EMPTY).assign("[2A00:DB8:0::1]");
    assertEquals("net_2a00-db8-_48", v6.contact().key());
  }

  @Test
  void holdersFromTheDelegationStatistics() throws Exception {
    RirStats stats =
        RirStats.load(
            List.of(new StringReader("ripencc|DE|ipv4|11.0.4.0|256|20100101|allocated|a1b2c3\n")));
    Assignment a =
        new ContactResolver(ContactBook.EMPTY, stats, WHOIS, RDAP, Map.of(), Map.of(), Set.of())
            .assign("11.0.4.9");
    assertEquals(ContactSource.HOLDER, a.source());
    assertEquals("holder_ripencc_a1b2c3", a.contact().key());
    assertEquals("DE", a.contact().country());
    assertEquals("ripencc", a.contact().registry());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3", "192.168.0.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "192.0.2.1",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255", "::1", "fe80::1",
        "fd00::1", "2001:db8::1", "::ffff:10.0.0.1", "[::1]"
      })
  void specialUseAddressesAreNeverDrafted(String ip) throws ContactException {
    Assignment a = assign(ip);
    assertEquals(ContactSource.SPECIAL_USE, a.source());
    assertFalse(a.drafted());
    assertNull(a.contact());
  }

  @ParameterizedTest
  @CsvSource({
    "localhost, host_localhost",
    "'evil.com\r\nBcc: x@y.z', host_evil-com-bcc-x-y-z",
    "co.jp, host_co-jp",
    "'../../x\r\n@evil', host_x-evil"
  })
  void namesWithoutDomainHaveNoAddress(String host, String key) throws ContactException {
    Assignment a = assign(host);
    assertEquals(ContactSource.NAME, a.source());
    assertEquals(key, a.contact().key());
    assertTrue(a.contact().to().isEmpty());
    assertTrue(a.contact().lookupHint().contains("rdap.org"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0/33,a@b.example|contacts.csv:2: bad CIDR '10.0.0.0/33'",
        "10.0.0.300/8,a@b.example|contacts.csv:2: bad CIDR '10.0.0.300/8'",
        "example.com,not-an-address|contacts.csv:2: bad address 'not-an-address'"
            + " (expected user@domain)",
        "example.com,a@b.example,name,extra|contacts.csv:2: expected 2 or 3 columns",
        "example.com,\"a@b.example|contacts.csv:2: bad CSV",
        "exa mple.com,a@b.example|contacts.csv:2: bad domain 'exa mple.com'",
        "example.com|contacts.csv:2: expected 2 or 3 columns"
      })
  void badRowsNameFileAndLine(String row, String message) {
    String text = "# contacts\n" + row + "\n";
    ContactException e =
        assertThrows(
            ContactException.class, () -> ContactBook.load(new StringReader(text), "contacts.csv"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void rowsThatShareANameButNotAddressesKeepTheirOwnKeys() throws ContactException {
    ContactBook b =
        ContactBook.load(
            new StringReader("11.0.1.0/24,a@one.example,Net\n11.0.3.0/24,b@two.example,Net\n"),
            "c.csv");
    assertEquals("file_net", b.contactOf("11.0.1.1", null).orElseThrow().key());
    assertEquals("file_net-2", b.contactOf("11.0.3.1", null).orElseThrow().key());
    assertEquals(2, b.size());
  }
}
