package org.probehunt.notify;

import java.io.IOException;
import java.util.List;
import org.probehunt.contact.ContactGroup;

/** Writes a contact group's drafts, one per language. */
public final class DraftFiles {
  /** Where draft files go: whole files at paths relative to the report folder. */
  @FunctionalInterface
  public interface Folder {
    /** Writes the file at {@code relativePath}; a reader never sees it half written. */
    void write(String relativePath, byte[] content) throws IOException;
  }

  private DraftFiles() {}

  /** The draft's path in the report folder, {@code notices/<contact>.<lang>.eml}. */
  public static String fileName(String contactKey, String lang) {
    return "notices/" + contactKey + "." + lang + ".eml";
  }

  /** Writes the group's draft in every language; returns how many files. */
  public static int write(
      ContactGroup group, List<String> evidence, NoticeSettings settings, Folder folder)
      throws IOException {
    for (String lang : TemplateSet.LANGUAGES) {
      folder.write(
          fileName(group.contact().key(), lang),
          Notices.draft(group.contact(), group.hosts(), evidence, settings, lang));
    }
    return TemplateSet.LANGUAGES.size();
  }
}
