package org.probehunt.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probehunt.report.Glance.DayCount;

/** Draws probes per day as an inline SVG bar chart: no script, no font or image to fetch. */
public final class SvgChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int RIGHT = 8;
  private static final int TOP = 12;
  private static final int BOTTOM = 32;

  /** Longer spans are drawn day by day with probes only: a stray year in a log would swamp it. */
  static final int MAX_FILLED_DAYS = 366;

  /** Widest bar: a month of one or two days should not look like a wall. */
  private static final int MAX_BAR = 48;

  /** X-axis labels at most, so they never overlap. */
  private static final int MAX_LABELS = 12;

  private SvgChart() {}

  /**
   * The days from the first to the last, those without probes as 0, when they span at most {@link
   * #MAX_FILLED_DAYS}; otherwise (or when a day is not a date) the days as given.
   */
  public static List<DayCount> filled(List<DayCount> days) {
    if (days.size() < 2) {
      return days;
    }
    try {
      LocalDate first = LocalDate.parse(days.get(0).day());
      LocalDate last = LocalDate.parse(days.get(days.size() - 1).day());
      long span = ChronoUnit.DAYS.between(first, last) + 1;
      if (span > MAX_FILLED_DAYS || span < days.size()) {
        return days;
      }
      List<DayCount> all = new ArrayList<>();
      int next = 0;
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        String day = d.toString();
        if (next < days.size() && days.get(next).day().equals(day)) {
          all.add(days.get(next++));
        } else {
          all.add(new DayCount(day, 0));
        }
      }
      return next == days.size() ? all : days;
    } catch (DateTimeParseException e) {
      return days;
    }
  }

  /**
   * The bar chart of {@code days} (already {@link #filled}), labelled for screen readers by {@code
   * label}; with no day, a frame saying {@code emptyText}.
   */
  public static String probesPerDay(List<DayCount> days, String label, String emptyText) {
    StringBuilder svg = new StringBuilder();
    boolean empty = days.isEmpty();
    String name = HtmlEscapes.text(empty ? emptyText : label);
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(name)
        .append("\"><title>")
        .append(name)
        .append("</title>\n");
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    if (empty) {
      svg.append(rect(LEFT, TOP, plotWidth, plotHeight, "frame"))
          .append(text(LEFT + plotWidth / 2.0, TOP + plotHeight / 2.0, "middle", name));
      return svg.append("</svg>").toString();
    }
    long max = days.stream().mapToLong(DayCount::probes).max().orElse(0);
    long step = step(max);
    long top = step * 4;
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotHeight - plotHeight * (i * step) / (double) top;
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                  LEFT,
                  y,
                  WIDTH - RIGHT,
                  y))
          .append(text(LEFT - 6, y + 4, "end", Long.toString(i * step)))
          .append('\n');
    }
    double slot = plotWidth / (double) days.size();
    int every = (days.size() + MAX_LABELS - 1) / MAX_LABELS;
    for (int i = 0; i < days.size(); i++) {
      DayCount d = days.get(i);
      double x = LEFT + i * slot;
      if (d.probes() > 0) {
        double h = plotHeight * d.probes() / (double) top;
        double w = Math.min(Math.max(slot * 0.8, 0.5), MAX_BAR);
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">",
                    x + (slot - w) / 2,
                    TOP + plotHeight - h,
                    w,
                    h))
            .append("<title>")
            .append(HtmlEscapes.text(d.day()))
            .append(": ")
            .append(d.probes())
            .append("</title></rect>\n");
      }
      if (i % every == 0) {
        String day = d.day().length() == 10 ? d.day().substring(5) : d.day();
        svg.append(text(x + slot / 2, HEIGHT - BOTTOM + 16, "middle", HtmlEscapes.text(day)))
            .append('\n');
      }
    }
    return svg.append("</svg>").toString();
  }

  /** The grid step: 1, 2 or 5 times a power of ten, four of which reach {@code max}. */
  static long step(long max) {
    long need = Math.max(1, (max + 3) / 4);
    for (long power = 1; ; power *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * power >= need) {
          return m * power;
        }
      }
    }
  }

  private static String rect(double x, double y, double w, double h, String cls) {
    return String.format(
        Locale.ROOT,
        "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
        cls,
        x,
        y,
        w,
        h);
  }

  /** A text element; {@code escaped} must already be HTML-escaped. */
  private static String text(double x, double y, String anchor, String escaped) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
        x,
        y,
        anchor,
        escaped);
  }
}
