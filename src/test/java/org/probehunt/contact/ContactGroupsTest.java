package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactGroupsTest {
  private static HostFinding host(String name, String first, String last) {
    return new HostFinding(name, first, last, 1, 2, List.of("cgi-phf"), List.of("legacy-cgi"));
  }

  @Test
  void hostsOfOneDomainShareAGroupAndItsTimeSpanComparesInstants() {
    ContactGroups groups =
        ContactGroups.assign(
            List.of(
                host("a.wil.net", "1998-11-23T18:52:17+09:00", "1998-11-23T20:00:00+09:00"),
                host("b.wil.net", "1998-11-23T10:00:00Z", "1998-11-23T11:30:00Z")),
            ContactBook.EMPTY,
            null,
            null);

    assertEquals(1, groups.groups().size());
    ContactGroups.Group g = groups.groups().get(0);
    assertEquals("wil.net", g.contact().key());
    assertEquals(List.of("postmaster@wil.net", "abuse@wil.net"), g.contact().to());
    // 18:52:17+09:00 is 09:52:17Z: earlier than 10:00Z, though later as text.
    assertEquals("1998-11-23T18:52:17+09:00", g.firstSeen());
    assertEquals("1998-11-23T11:30:00Z", g.lastSeen());
    assertEquals("http://www.wil.net/", g.checkUrl().orElseThrow());
    assertEquals("wil.net", groups.of("b.wil.net").domain());
  }

  @Test
  void contactsFileRowsWithOneNameButOtherAddressesKeepTheirOwnGroups() throws Exception {
    ContactBook book =
        ContactBook.load(
            new StringReader(
                "192.0.2.0/24,abuse@isp.example,isp.example\n"
                    + "198.51.100.0/24,noc@isp.example,isp.example\n"),
            "contacts.csv");
    ContactGroups groups =
        ContactGroups.assign(
            List.of(
                host("192.0.2.7", "2025-10-01T00:00:00Z", "2025-10-01T00:00:00Z"),
                host("198.51.100.9", "2025-10-01T00:00:00Z", "2025-10-01T00:00:00Z")),
            book,
            null,
            null);

    assertEquals(2, groups.groups().size(), groups.groups().toString());
    assertEquals(List.of("abuse@isp.example"), groups.of("192.0.2.7").contact().to());
    assertEquals(List.of("noc@isp.example"), groups.of("198.51.100.9").contact().to());
    assertEquals(
        2,
        groups.groups().stream().map(g -> g.contact().key()).distinct().count(),
        "each group has a draft file of its own");
  }
}
