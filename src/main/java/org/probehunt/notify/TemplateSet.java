package org.probehunt.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notice templates, one text per {@code NAME.LANG.txt} file: the jar's defaults, each
 * replaceable from {@code --templates DIR}. Lines starting with {@code ##} are comments (each
 * default lists its placeholders there). {@code ${name}} is replaced in one pass, so values are
 * never expanded again; a line holding only a placeholder whose value is empty is dropped.
 */
public final class TemplateSet implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Languages of the drafts. */
  public static final List<String> LANGUAGES = List.of("en", "ja");

  /** Template name to the placeholders it may use. */
  static final Map<String, Set<String>> PLACEHOLDERS =
      Map.of(
          "subject",
              Set.of(
                  "server",
                  "admin",
                  "first_seen",
                  "last_seen",
                  "first_date",
                  "last_date",
                  "timezone",
                  "host_count",
                  "probes",
                  "requests"),
          "notice",
              Set.of(
                  "server",
                  "admin",
                  "contact",
                  "hosts",
                  "host_count",
                  "first_seen",
                  "last_seen",
                  "first_date",
                  "last_date",
                  "timezone",
                  "probes",
                  "requests",
                  "rules",
                  "categories",
                  "log",
                  "log_note",
                  "lookup",
                  "intro",
                  "again"),
          "host",
              Set.of(
                  "host",
                  "first_seen",
                  "last_seen",
                  "probes",
                  "requests",
                  "rules",
                  "network",
                  "categories"),
          "again", Set.of("host", "reported_on", "reported_first_seen", "reported_last_seen"),
          "omitted", Set.of("shown", "omitted", "total", "attachment"),
          "lookup", Set.of("hint"),
          "intro", Set.of("server", "admin"),
          "intro-unnamed", Set.of("server"));

  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private static final String RESOURCES = "/org/probehunt/notify/";

  private final Map<String, String> texts;

  /** The texts cut at their placeholders once: a run renders them tens of thousands of times. */
  private final Map<String, List<TemplateLine>> lines;

  private TemplateSet(Map<String, String> texts) {
    this.texts = Map.copyOf(texts);
    Map<String, List<TemplateLine>> lines = new HashMap<>();
    this.texts.forEach((file, text) -> lines.put(file, TemplateLine.split(text)));
    this.lines = Map.copyOf(lines);
  }

  /** The templates shipped in the jar. */
  public static TemplateSet defaults() {
    return load(name -> Optional.empty());
  }

  /**
   * Templates from {@code source} (file name such as {@code notice.ja.txt} to its text), the jar's
   * default for each file it does not have. Throws IllegalArgumentException naming the file and
   * line of an unknown placeholder.
   */
  public static TemplateSet load(Function<String, Optional<String>> source) {
    Map<String, String> texts = new TreeMap<>();
    for (String name : PLACEHOLDERS.keySet()) {
      for (String lang : LANGUAGES) {
        String file = fileName(name, lang);
        String raw = source.apply(file).orElseGet(() -> resource(file));
        texts.put(file, clean(file, raw, PLACEHOLDERS.get(name)));
      }
    }
    return new TemplateSet(texts);
  }

  /** Same as {@link #load(Function)} from a map of file name to text. */
  public static TemplateSet load(Map<String, String> files) {
    return load(name -> Optional.ofNullable(files.get(name)));
  }

  /** Every template file name, e.g. {@code notice.ja.txt}, sorted. */
  public static SortedSet<String> fileNames() {
    SortedSet<String> names = new TreeSet<>();
    for (String name : PLACEHOLDERS.keySet()) {
      for (String lang : LANGUAGES) {
        names.add(fileName(name, lang));
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /**
   * The text of template file {@code file} from its bytes, which must be UTF-8 (a byte-order mark
   * is allowed): anything else would put replacement characters into the letters. Throws
   * IllegalArgumentException naming the file, line and offending byte.
   */
  public static String decode(String file, byte[] bytes) {
    return Utf8Texts.decode(file, bytes);
  }

  /** The file a template is read from, e.g. {@code notice.ja.txt}. */
  public static String fileName(String name, String lang) {
    return name + "." + lang + ".txt";
  }

  /** The template filled in with {@code values}; placeholders without a value become empty. */
  String render(String name, String lang, Map<String, String> values) {
    List<TemplateLine> template = lines.get(fileName(name, lang));
    if (template == null) {
      throw new IllegalArgumentException("no template " + fileName(name, lang));
    }
    StringBuilder out = new StringBuilder();
    for (TemplateLine line : template) {
      // A line that is one placeholder alone goes when the placeholder has no value.
      if (line.only() != null && values.getOrDefault(line.only(), "").isEmpty()) {
        continue;
      }
      List<String> parts = line.parts();
      for (int i = 0; i < parts.size(); i++) {
        out.append(i % 2 == 0 ? parts.get(i) : values.getOrDefault(parts.get(i), ""));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String clean(String file, String raw, Set<String> allowed) {
    StringBuilder out = new StringBuilder();
    String[] lines =
        raw.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("##")) {
        continue;
      }
      checkPlaceholders(file + ":" + (i + 1), lines[i], allowed);
      out.append(lines[i]).append('\n');
    }
    // Leading blanks of the first line are kept: the host line template is indented.
    return out.toString().replaceAll("^\n+", "").stripTrailing();
  }

  /**
   * Checks that every <code>${</code> on a template line opens a placeholder this template knows,
   * so that a typo never reaches a letter as literal text; {@code where} is {@code FILE:LINE}.
   */
  private static void checkPlaceholders(String where, String line, Set<String> allowed) {
    for (int at = line.indexOf("${"); at >= 0; ) {
      Matcher m = PLACEHOLDER.matcher(line).region(at, line.length());
      if (!m.lookingAt()) {
        boolean closed = line.indexOf('}', at) >= 0;
        throw new IllegalArgumentException(
            where
                + (closed ? ": bad placeholder " : ": unterminated placeholder ")
                + excerpt(line, at)
                + (closed ? ", expected ${name}" : ", no closing }"));
      }
      if (!allowed.contains(m.group(1))) {
        throw new IllegalArgumentException(
            where
                + ": unknown placeholder ${"
                + m.group(1)
                + "}, expected one of "
                + new TreeSet<>(allowed));
      }
      at = line.indexOf("${", m.end());
    }
  }

  /** The text from {@code at} through its closing brace, else to the next blank; at most 40. */
  private static String excerpt(String line, int at) {
    int close = line.indexOf('}', at);
    if (close >= 0 && close - at < 40) {
      return line.substring(at, close + 1);
    }
    int end = at + 2;
    while (end < line.length() && end - at < 40 && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return line.substring(at, end);
  }

  private static String resource(String file) {
    try (InputStream in = TemplateSet.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException("template " + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
