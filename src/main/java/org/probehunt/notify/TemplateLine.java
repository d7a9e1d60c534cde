package org.probehunt.notify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One template line: its literal text and placeholder names by turns (literal first and last), and
 * the name of the placeholder that stands alone on it, if one does.
 */
record TemplateLine(String only, List<String> parts) implements Serializable {
  static List<TemplateLine> split(String text) {
    List<TemplateLine> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.indexOf("${") < 0) {
        lines.add(new TemplateLine(null, List.of(line)));
        continue;
      }
      Matcher alone = TemplateSet.PLACEHOLDER.matcher(line.strip());
      List<String> parts = new ArrayList<>();
      Matcher m = TemplateSet.PLACEHOLDER.matcher(line);
      int last = 0;
      while (m.find()) {
        parts.add(line.substring(last, m.start()));
        parts.add(m.group(1));
        last = m.end();
      }
      parts.add(line.substring(last));
      lines.add(new TemplateLine(alone.matches() ? alone.group(1) : null, List.copyOf(parts)));
    }
    return List.copyOf(lines);
  }
}
