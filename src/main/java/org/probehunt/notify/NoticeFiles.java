package org.probehunt.notify;

import java.io.IOException;
import java.io.OutputStream;
import org.probehunt.contact.ContactGroup;

/** Writes a contact group's drafts, one per language. */
public final class NoticeFiles {
  /** Where draft files go: whole files at paths relative to the report folder. */
  @FunctionalInterface
  public interface Folder {
    /**
     * Writes the file at {@code relativePath} with what {@code content} writes to the stream it is
     * given; a reader never sees the file half written.
     */
    void write(String relativePath, Content content) throws IOException;
  }

  /** A file's content, written as a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private NoticeFiles() {}

  /** The draft's path in the report folder, {@code notices/<contact>.<lang>.eml}. */
  public static String fileName(String contactKey, String lang) {
    return "notices/" + contactKey + "." + lang + ".eml";
  }

  /** Writes the group's draft in every language; returns how many files. */
  public static int write(
      ContactGroup group, Evidence evidence, NoticeSettings settings, Folder folder)
      throws IOException {
    Notices.Letter letter = Notices.letter(group.contact(), group.hosts(), evidence, settings);
    for (String lang : TemplateSet.LANGUAGES) {
      folder.write(fileName(group.contact().key(), lang), out -> Notices.write(letter, lang, out));
    }
    return TemplateSet.LANGUAGES.size();
  }
}
