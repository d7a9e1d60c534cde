package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {
  @ParameterizedTest
  @CsvSource({
    "surf.wil.net, wil.net",
    "www.myname.co.jp, myname.co.jp",
    "a.b.ac.uk, b.ac.uk",
    "foo.ne.jp, foo.ne.jp",
    "www.example.or.jp, example.or.jp",
    "Mail.Example.COM, example.com",
    "host.example.com., example.com",
    "crawl-66-249-66-1.googlebot.com, googlebot.com",
    "x.example.github.io, github.io"
  })
  void registrableDomain(String host, String domain) {
    assertEquals(Optional.of(domain), Domains.registrable(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.1",
        "2001:db8::1",
        "[2001:db8::1]",
        "::ffff:192.0.2.1",
        "localhost",
        "host.invalid-tld-xyz",
        "co.jp",
        "jp",
        "ac.uk",
        "999.1.1.1",
        "",
        "evil.com\r\nBcc: victim@example.org",
        "evil.com\nX: y",
        "user@evil.com",
        "a.com,b.com",
        "<evil.com>",
        "evil com",
        "\"evil.com\"",
        "a..example.com",
        ".example.com",
        "-a.example.com",
        "\u00e9xample.com"
      })
  void noRegistrableDomain(String host) {
    assertEquals(Optional.empty(), Domains.registrable(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "[2001:db8::1]", "::1", "0.0.0.0"})
  void ipLiterals(String host) {
    assertTrue(Domains.isIpLiteral(host));
    assertFalse(Domains.isHostName(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"surf.wil.net", "192.0.2", "1.2.3.4.5", "[192.0.2.1", "2001:db8::g"})
  void notIpLiterals(String host) {
    assertFalse(Domains.isIpLiteral(host));
  }

  @org.junit.jupiter.api.Test
  void overLongNamesAreRejected() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label) + ".com";
    assertEquals(Optional.empty(), Domains.registrable(name));
    assertEquals(Optional.empty(), Domains.registrable("a".repeat(64) + ".example.com"));
    assertEquals(Optional.of("example.com"), Domains.registrable(label + ".example.com"));
  }

  @ParameterizedTest
  @CsvSource({
    "wil.net, wil.net",
    "../../etc/passwd, etc-passwd",
    "'Evil Corp, Inc.', evil-corp-inc.",
    "'a\r\nb', a-b"
  })
  void safeKeys(String text, String key) {
    assertEquals(key, Domains.safeKey(text));
  }
}
