package org.probehunt.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.probehunt.report.Texts;

/**
 * Reads an actors file ({@code --actors}, and the built-in list), one CSV row per line so that
 * errors can name the line: {@code name,agent|rdns,text,url}.
 */
final class ActorFile {
  private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setTrim(true).get();

  /** Names reach CSV cells and messages: letters, digits and a little punctuation, one line. */
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
        signs.add(sign(cells(text, source, lineNo), source, lineNo));
      }
    } catch (IOException | UncheckedIOException e) {
      throw error(source, lineNo, "cannot read: " + e.getMessage());
    }
    return signs;
  }

  private static ActorSign sign(List<String> cells, String source, int lineNo)
      throws ContactException {
    if (cells.size() != 4) {
      throw error(
          source,
          lineNo,
          "expected 4 columns (name, agent or rdns, text, url), found " + cells.size());
    }
    String name = cells.get(0);
    if (!NAME.matcher(name).matches()) {
      throw error(
          source,
          lineNo,
          "bad name '" + quoted(name) + "' (letters, digits, spaces and ._&()+-, up to 64)");
    }
    String kind = cells.get(1).toLowerCase(Locale.ROOT);
    String text = cells.get(2);
    ActorSign.Kind signKind;
    String match;
    switch (kind) {
      case "agent" -> {
        if (text.length() < MIN_AGENT || !Texts.printable(text).equals(text)) {
          throw error(
              source,
              lineNo,
              "bad user-agent text '"
                  + quoted(text)
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
          throw error(
              source, lineNo, "bad domain '" + quoted(text) + "' (expected e.g. shodan.io)");
        }
        signKind = ActorSign.Kind.RDNS;
      }
      default ->
          throw error(
              source, lineNo, "expected agent or rdns in column 2, not '" + quoted(kind) + "'");
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
    throw error(
        source, lineNo, "bad url '" + quoted(cell) + "' (expected an http: or https: address)");
  }

  private static List<String> cells(String line, String source, int lineNo)
      throws ContactException {
    try (var parser = ROW.parse(new StringReader(line))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw error(source, lineNo, "expected one CSV row");
      }
      return records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw error(source, lineNo, "bad CSV: " + e.getMessage());
    }
  }

  private static ContactException error(String source, int lineNo, String message) {
    return new ContactException(source + ":" + lineNo + ": " + message);
  }

  /** Keeps the error message on one line whatever the file holds. */
  private static String quoted(String cell) {
    return Texts.printable(cell.length() > 80 ? cell.substring(0, 80) + "..." : cell);
  }
}
