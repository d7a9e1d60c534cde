package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.probehunt.report.Glance.DayCount;

/** The probes-per-day chart, read back as a browser's parser reads inline SVG. */
class SvgChartTest {
  private static Element svg(List<DayCount> days, String label) {
    String markup = SvgChart.probesPerDay(SvgChart.filled(days), label, "No probes");
    Element svg = Jsoup.parseBodyFragment(markup).selectFirst("svg");
    assertEquals("img", svg.attr("role"), markup);
    return svg;
  }

  private static Elements bars(Element svg) {
    return svg.select("rect.bar");
  }

  private static double height(Element bar) {
    return Double.parseDouble(bar.attr("height"));
  }

  @Test
  void anEmptyMonthSaysSoAndDrawsNoBar() {
    Element svg = svg(List.of(), "unused");
    assertEquals("No probes", svg.attr("aria-label"));
    assertEquals("No probes", svg.selectFirst("title").text());
    assertTrue(bars(svg).isEmpty(), svg.outerHtml());
    assertTrue(svg.select("text").eachText().contains("No probes"), svg.outerHtml());
  }

  @Test
  void oneDayIsOneBarWithItsNumber() {
    Element svg = svg(List.of(new DayCount("1998-11-23", 3)), "3 probes <on> 11-23");
    assertEquals("3 probes <on> 11-23", svg.attr("aria-label"), "the label, escaped and read back");
    Elements bars = bars(svg);
    assertEquals(1, bars.size(), svg.outerHtml());
    assertEquals("1998-11-23: 3", bars.get(0).selectFirst("title").text());
    double width = Double.parseDouble(bars.get(0).attr("width"));
    assertTrue(width > 0 && width < SvgChart.WIDTH / 4.0, "a bar, not a wall: " + width);
    assertEquals(List.of("11-23"), svg.select("text[text-anchor=middle]").eachText());
    // The grid's top line stands at or above the bar and is labelled with a round number.
    long top = SvgChart.step(3) * 4;
    assertTrue(top >= 3 && svg.select("text").eachText().contains(Long.toString(top)));
  }

  @Test
  void manyDaysAreFilledInOrderWithHeightsInProportion() {
    List<DayCount> days = new ArrayList<>();
    LocalDate start = LocalDate.parse("2025-10-01");
    for (int i = 0; i < 31; i += 2) { // every other day: the gaps are drawn as zero
      days.add(new DayCount(start.plusDays(i).toString(), 1 + (i * 7L) % 40));
    }
    List<DayCount> filled = SvgChart.filled(days);
    assertEquals(31, filled.size(), "October, day by day");
    assertEquals(0, filled.get(1).probes());
    Element svg = svg(days, "October");
    Elements bars = bars(svg);
    assertEquals(days.size(), bars.size(), "one bar per day with probes");
    double previousX = -1;
    for (int i = 0; i < bars.size(); i++) {
      Element bar = bars.get(i);
      DayCount day = days.get(i);
      assertEquals(day.day() + ": " + day.probes(), bar.selectFirst("title").text());
      double x = Double.parseDouble(bar.attr("x"));
      assertTrue(x > previousX, "bars left to right");
      previousX = x;
      assertEquals(
          height(bars.get(0)) * day.probes() / days.get(0).probes(),
          height(bar),
          0.11,
          "height of " + day.day());
    }
    int labels = svg.select("text[text-anchor=middle]").size();
    assertTrue(labels >= 6 && labels <= 12, "x labels thinned, not crowded: " + labels);
  }

  @Test
  void aSpanOfYearsIsNotFilledDayByDay() {
    List<DayCount> days = List.of(new DayCount("1970-01-01", 1), new DayCount("2025-10-01", 5));
    assertEquals(days, SvgChart.filled(days));
    assertEquals(2, bars(svg(days, "two days")).size());
  }

  @Test
  void stepsAreRound() {
    assertEquals(1, SvgChart.step(0));
    assertEquals(1, SvgChart.step(4));
    assertEquals(2, SvgChart.step(5));
    assertEquals(5, SvgChart.step(17));
    assertEquals(10, SvgChart.step(40));
    assertEquals(20, SvgChart.step(41));
    assertEquals(50_000, SvgChart.step(123_456));
  }
}
