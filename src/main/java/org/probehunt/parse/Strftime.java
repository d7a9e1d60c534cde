package org.probehunt.parse;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Turns the strftime pattern of Apache's {@code %{...}t} into a formatter that reads it back. */
final class Strftime {
  private Strftime() {}

  /**
   * A formatter for {@code pattern}; {@code %d %e %m %Y %y %H %M %S %b %h %B %a %A %z %j %T %F %D
   * %%} are understood, other text must appear as written.
   *
   * @throws FormatException naming a conversion it does not know
   */
  static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 >= pattern.length()) {
        b.appendLiteral(c);
        continue;
      }
      char conversion = pattern.charAt(++i);
      switch (conversion) {
        case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'e' -> b.padNext(2).appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NORMAL);
        case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
        case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
        case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case 'b', 'h' -> b.appendPattern("MMM");
        case 'B' -> b.appendPattern("MMMM");
        case 'a' -> b.appendPattern("EEE");
        case 'A' -> b.appendPattern("EEEE");
        case 'z' -> b.appendOffset("+HHMM", "+0000");
        case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
        case 'T' -> b.appendPattern("HH:mm:ss");
        case 'F' -> b.appendPattern("uuuu-MM-dd");
        case 'D' -> b.appendPattern("MM/dd/yy");
        case '%' -> b.appendLiteral('%');
        default ->
            throw new FormatException(
                "unknown time conversion %" + conversion + " in %{" + pattern + "}t");
      }
    }
    return b.toFormatter(Locale.ENGLISH);
  }
}
