package org.probehunt.parse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The formats a run knows: the built-ins and the named ones of a --log-formats file. It detects a
 * file's format from its first lines and makes the {@link FileParser} that reads the file.
 */
public final class FormatCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final FormatCatalog BUILT_INS = new FormatCatalog(List.of());

  private final List<LogFormat> named;

  private FormatCatalog(List<LogFormat> named) {
    this.named = List.copyOf(named);
  }

  /** The built-in formats only. */
  public static FormatCatalog builtIns() {
    return BUILT_INS;
  }

  /**
   * The built-ins and the formats of a --log-formats file: one {@code name = format} per line,
   * blank lines and lines starting with {@code #} ignored.
   *
   * @param source the file's name, for errors
   * @throws FormatException as {@code source:line: problem}
   */
  public static FormatCatalog read(String source, List<String> lines) {
    List<LogFormat> named = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1) + ": ";
      int equals = line.indexOf('=');
      String name = equals < 0 ? "" : line.substring(0, equals).strip();
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        throw new FormatException(
            where + "expected 'name = format', a name of letters, digits, _ . -");
      }
      if (LogFormat.byLabel(name).isPresent()
          || named.stream().anyMatch(f -> f.label().equals(name))) {
        throw new FormatException(where + "format name '" + name + "' is already taken");
      }
      try {
        named.add(FormatLanguage.compile(name, line.substring(equals + 1)));
      } catch (FormatException e) {
        throw new FormatException(where + e.getMessage());
      }
    }
    return new FormatCatalog(named);
  }

  /** The named formats, in file order. */
  public List<LogFormat> named() {
    return named;
  }

  /** The named format or built-in with this label. */
  public Optional<LogFormat> byLabel(String label) {
    return named.stream()
        .filter(f -> f.label().equals(label))
        .findFirst()
        .or(() -> LogFormat.byLabel(label));
  }

  /** The format that reads most of {@code sample}, a file's first lines; empty if none does. */
  public Optional<LogFormat> detect(List<String> sample) {
    return FormatDetector.detect(sample, named);
  }

  /**
   * As {@link #detect(List)} for the file {@code source} (a path or {@code ARCHIVE!ENTRY}): one
   * named like an IIS log ({@code u_ex251001.log}) may start with data lines whose {@code #Fields:}
   * header was cut off, read in IIS's default fields.
   */
  public Optional<LogFormat> detect(String source, List<String> sample) {
    return FormatDetector.detect(sample, named, W3cFile.iisName(source));
  }

  /**
   * A parser for a file detected as {@code detected} (null when nothing in its first lines parsed):
   * it reads each line in that format and, when that fails, in the others.
   */
  public FileParser parser(LogFormat detected) {
    return new FileParser(detected, order(), named, true);
  }

  /**
   * As {@link #parser(LogFormat)} for the file {@code source}: the data lines of a W3C file that
   * come before any {@code #Fields:} are read in IIS's default fields only when the file is named
   * like an IIS log; in any other, they are rejected as {@code no #Fields: directive}.
   */
  public FileParser parser(LogFormat detected, String source) {
    return new FileParser(detected, order(), named, W3cFile.iisName(source));
  }

  /** A parser that reads every line in {@code forced} only, as --format and --log-format ask. */
  public static FileParser forced(LogFormat forced) {
    return new FileParser(forced, List.of(forced), List.of(), true);
  }

  /** Every format in the order inputs.csv lists them: the built-ins, then the named ones. */
  private List<LogFormat> order() {
    List<LogFormat> all = new ArrayList<>(LogFormat.values());
    all.addAll(named);
    return Collections.unmodifiableList(all);
  }
}
