package org.probehunt.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.probehunt.report.Texts;

/**
 * Reads an actors file ({@code --actors}, and the built-in list), one CSV row per line so that
 * errors can name the line: {@code name,agent|rdns,text,url}.
 */
final class ActorFile {

  /**
   * Names reach CSV cells and messages: letters, digits and a little punctuation, one line. Fixed,
   * one bounded repeat, run on the actors file (not on log content): java.util.regex is linear
   * here.
   */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._&()+-]{0,63}");

  /** The shortest user-agent text: shorter ones would name half the Internet. */
  private static final int MIN_AGENT = 4;

  private ActorFile() {}

  static List<ActorSign> read(Reader reader, String source) throws ContactException {
    List<ActorSign> signs = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        String text = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (text.isBlank() || text.strip().startsWith("#")) {
          continue;
        }
        signs.add(sign(FileRows.cells(text, source, lineNo), source, lineNo));
      }
    } catch (IOException | UncheckedIOException e) {
      throw FileRows.error(source, lineNo, "cannot read: " + e.getMessage());
    }
    return signs;
  }

  private static ActorSign sign(List<String> cells, String source, int lineNo)
      throws ContactException {
    if (cells.size() != 4) {
      throw FileRows.error(
          source,
          lineNo,
          "expected 4 columns (name, agent or rdns, text, url), found " + cells.size());
    }
    String name = cells.get(0);
    if (!NAME.matcher(name).matches()) {
      throw FileRows.error(
          source,
          lineNo,
          "bad name '"
              + FileRows.quoted(name)
              + "' (letters, digits, spaces and ._&()+-, up to 64)");
    }
    String kind = cells.get(1).toLowerCase(Locale.ROOT);
    String text = cells.get(2);
    ActorSign.Kind signKind;
    String match;
    switch (kind) {
      case "agent" -> {
        if (text.length() < MIN_AGENT || !Texts.printable(text).equals(text)) {
          throw FileRows.error(
              source,
              lineNo,
              "bad user-agent text '"
                  + FileRows.quoted(text)
                  + "' (printable, at least "
                  + MIN_AGENT
                  + " characters)");
        }
        signKind = ActorSign.Kind.AGENT;
        match = ActorSign.lowered(text);
      }
      case "rdns" -> {
        String domain = text.startsWith(".") ? text.substring(1) : text;
        match = Domains.normalise(domain).filter(d -> d.contains(".")).orElse(null);
        if (match == null) {
          throw FileRows.error(
              source,
              lineNo,
              "bad domain '" + FileRows.quoted(text) + "' (expected e.g. shodan.io)");
        }
        signKind = ActorSign.Kind.RDNS;
      }
      default ->
          throw FileRows.error(
              source,
              lineNo,
              "expected agent or rdns in column 2, not '" + FileRows.quoted(kind) + "'");
    }
    return new ActorSign(signKind, match, new Actor(name, url(cells.get(3), source, lineNo)));
  }

  private static String url(String cell, String source, int lineNo) throws ContactException {
    try {
      URI uri = new URI(cell);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && Texts.printable(cell).equals(cell)
          && !cell.contains(" ")) {
        return cell;
      }
    } catch (URISyntaxException e) {
      // reported below, with the line
    }
    throw FileRows.error(
        source,
        lineNo,
        "bad url '" + FileRows.quoted(cell) + "' (expected an http: or https: address)");
  }
}
