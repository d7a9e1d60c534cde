package org.probehunt.notify;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.probehunt.contact.Contact;
import org.probehunt.contact.ContactBook;
import org.probehunt.contact.ContactResolver;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.NetworkDirectory;

/** Fixtures shared by the notice tests: the 1998 guide's example, and a parser for drafts. */
final class NoticeFixtures {
  static final List<String> GUIDE_LINES =
      List.of(
          "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44",
          "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -",
          "surf.wil.net - - [23/Nov/1998:19:52:41 +0900] \"GET /cgi-bin/handler\" 200 16384");

  static final HostFinding SURF =
      new HostFinding(
          "surf.wil.net",
          "1998-11-23T19:52:17+09:00",
          "1998-11-23T19:52:41+09:00",
          3,
          3,
          List.of("phf", "test-cgi", "handler"),
          List.of("cgi-exploit"));

  private NoticeFixtures() {}

  static NoticeSettings settings(String jaCharset, int maxLines, XarfVersion xarf) {
    return new NoticeSettings(
        "www.myname.co.jp",
        "鈴木",
        "suzuki@myname.co.jp",
        jaCharset,
        maxLines,
        xarf,
        TemplateSet.defaults());
  }

  static Contact wil() {
    return NoticeFixtures.contactOf("surf.wil.net");
  }

  /** The contact a run without registry data gives a host. */
  static Contact contactOf(String host) {
    return new ContactResolver(
            ContactBook.EMPTY,
            null,
            NetworkDirectory.NONE,
            NetworkDirectory.NONE,
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Set.of())
        .assign(host)
        .contact();
  }

  static MimeMessage parse(byte[] draft) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(draft));
  }
}
