package org.probehunt.notify;

import org.probehunt.contact.ContactGroups;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a contact group's drafts, one per language, and its row of domains.csv. */
public final class DraftFiles {
  /** Where draft files go: a new file at a path relative to the report folder. */
  @FunctionalInterface
  public interface Folder {
    OutputStream create(String relativePath) throws IOException;
  }

  private DraftFiles() {}

  /** Writes {@code notices/<contact>.<lang>.eml} for every language; returns how many. */
  public static int write(
      ContactGroups.Group group, List<String> evidence, NoticeSettings settings, Folder folder)
      throws IOException {
    for (String lang : TemplateSet.LANGUAGES) {
      byte[] eml = Notices.draft(group.contact(), group.hosts(), evidence, settings, lang);
      try (OutputStream file =
          folder.create("notices/" + group.contact().key() + "." + lang + ".eml")) {
        file.write(eml);
      }
    }
    return TemplateSet.LANGUAGES.size();
  }

  /** The group's row of domains.csv, in the order of {@code Columns.DOMAINS}. */
  public static Object[] domainsRow(ContactGroups.Group group) {
    return new Object[] {
      group.contact().key(),
      String.join(";", group.contact().to()),
      (long) group.hosts().size(),
      group.probes(),
      group.requests(),
      group.firstSeen(),
      group.lastSeen(),
      group.country().orElse(null),
      group.checkUrl().orElse(null)
    };
  }
}
