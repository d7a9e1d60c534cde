package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactBookTest {
  private static final String FILE = String.join("\n",
      "cidr_or_domain,address,name",
      "# a comment, then a blank line",
      "",
      "192.0.2.0/24,abuse@isp.example,Example ISP",
      "192.0.2.128/25,noc@small.example",
      "2001:db8::/32,abuse@v6.example,\"V6 Net, Ltd\"",
      "wil.net,security@wil.net",
      "wil.net,noc@wil.net",
      "dept.example.ac.jp,cert@example.ac.jp");

  private static ContactBook book() throws ContactException {
    return ContactBook.load(new StringReader(FILE), "contacts.csv");
  }

  @Test
  void defaultsArePostmasterAndAbuse() {
    Contact c = ContactBook.EMPTY.contactOf("www.myname.co.jp", new RirInfo("apnic", "JP"));
    assertEquals("myname.co.jp", c.key());
    assertEquals(List.of("postmaster@myname.co.jp", "abuse@myname.co.jp"), c.to());
    assertEquals("JP", c.country());
    assertEquals("apnic", c.registry());
    assertNull(c.lookupHint());
  }

  @Test
  void listedDomainsOverrideTheDefaults() throws ContactException {
    Contact c = book().contactOf("surf.wil.net", null);
    assertEquals("wil.net", c.key());
    assertEquals(List.of("security@wil.net", "noc@wil.net"), c.to());
    assertEquals(List.of("cert@example.ac.jp"), book().contactOf("x.dept.example.ac.jp", null).to());
    assertEquals(List.of("postmaster@example.ac.jp", "abuse@example.ac.jp"),
        book().contactOf("www.example.ac.jp", null).to());
  }

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1, example-isp, abuse@isp.example",
      "192.0.2.200, small.example, noc@small.example",
      "[2001:db8::1], v6-net-ltd, abuse@v6.example"})
  void longestPrefixWins(String ip, String key, String address) throws ContactException {
    Contact c = book().contactOf(ip, null);
    assertEquals(key, c.key());
    assertEquals(List.of(address), c.to());
  }

  @Test
  void unknownAddressesGetALookupHint() {
    Contact v4 = ContactBook.EMPTY.contactOf("198.51.100.7", new RirInfo("apnic", "JP"));
    assertEquals("ip-198.51.100.7", v4.key());
    assertTrue(v4.to().isEmpty());
    assertEquals("whois -h whois.apnic.net 198.51.100.7 (apnic, JP)"
        + " / https://rdap.org/ip/198.51.100.7", v4.lookupHint());
    Contact v6 = ContactBook.EMPTY.contactOf("[2001:DB8:0::1]", null);
    assertEquals("ip-2001-db8--1", v6.key());
    assertEquals("whois 2001:db8::1 / https://rdap.org/ip/2001:db8::1", v6.lookupHint());
  }

  @ParameterizedTest
  @CsvSource({"localhost, host-localhost", "'evil.com\r\nBcc: x@y.z', host-evil.com-bcc-x-y.z",
      "co.jp, host-co.jp"})
  void namesWithoutDomainHaveNoAddress(String host, String key) {
    Contact c = ContactBook.EMPTY.contactOf(host, null);
    assertEquals(key, c.key());
    assertTrue(c.to().isEmpty());
    assertTrue(c.lookupHint().contains("rdap.org"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/33,a@b.example|contacts.csv:2: bad CIDR '10.0.0.0/33'",
      "10.0.0.300/8,a@b.example|contacts.csv:2: bad CIDR '10.0.0.300/8'",
      "example.com,not-an-address|contacts.csv:2: bad address 'not-an-address'"
          + " (expected user@domain)",
      "example.com,a@b.example,name,extra|contacts.csv:2: expected 2 or 3 columns",
      "example.com,\"a@b.example|contacts.csv:2: bad CSV",
      "exa mple.com,a@b.example|contacts.csv:2: bad domain 'exa mple.com'",
      "example.com|contacts.csv:2: expected 2 or 3 columns"})
  void badRowsNameFileAndLine(String row, String message) {
    String text = "# contacts\n" + row + "\n";
    ContactException e = assertThrows(ContactException.class,
        () -> ContactBook.load(new StringReader(text), "contacts.csv"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void headerIsOptional() throws ContactException {
    ContactBook b = ContactBook.load(new StringReader("wil.net,a@wil.net\n"), "c.csv");
    assertEquals(List.of("a@wil.net"), b.contactOf("surf.wil.net", null).to());
    assertEquals(1, b.size());
  }
}
