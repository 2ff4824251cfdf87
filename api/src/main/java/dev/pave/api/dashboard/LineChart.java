package dev.pave.api.dashboard;

import java.util.List;

/**
 * A weekly trend as server-drawn SVG: a labelled y axis with its unit, a line and points per
 * series; optionally a second series set against its own axis on the right, in its colour.
 */
final class LineChart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 250;
  private static final int LEFT = 64;
  private static final int TOP = 12;
  private static final int BOTTOM = 34;

  private LineChart() {}

  static String render(String title, List<String> xLabels, List<Series> series, ValueAxis axis) {
    return render(title, xLabels, series, axis, null, null);
  }

  static String render(String title, List<String> xLabels, List<Series> series, ValueAxis axis, Series rightSeries,
      ValueAxis rightAxis) {
    int right = rightSeries == null ? 16 : 60;
    double plotWidth = WIDTH - LEFT - right;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    int n = xLabels.size();
    double step = n > 1 ? plotWidth / (n - 1) : 0;
    Html svg = new Html();
    svg.raw("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\"")
        .text(title).raw("\"><title>").text(title).raw("</title>");
    for (double tick : axis.scale().ticks()) {
      double y = TOP + plotHeight * (1 - axis.scale().fraction(tick));
      svg.raw("<line class=\"grid\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - right) + "\" y1=\"").num(y)
          .raw("\" y2=\"").num(y).raw("\"/><text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"").num(y + 4)
          .raw("\" text-anchor=\"end\">").text(axis.tick(tick)).raw("</text>");
    }
    if (rightSeries != null) {
      for (double tick : rightAxis.scale().ticks()) {
        double y = TOP + plotHeight * (1 - rightAxis.scale().fraction(tick));
        svg.raw("<text class=\"tick " + rightSeries.cssClass() + "\" x=\"" + (WIDTH - right + 6) + "\" y=\"")
            .num(y + 4).raw("\">").text(rightAxis.tick(tick)).raw("</text>");
      }
    }
    int every = Math.max(1, (int) Math.ceil(n / 7.0));
    for (int i = 0; i < n; i += every) {
      svg.raw("<text class=\"tick\" x=\"").num(LEFT + i * step).raw("\" y=\"" + (HEIGHT - 12)
          + "\" text-anchor=\"middle\">").text(xLabels.get(i)).raw("</text>");
    }
    for (Series s : series) {
      line(svg, s, axis, xLabels, step, plotHeight);
    }
    if (rightSeries != null) {
      line(svg, rightSeries, rightAxis, xLabels, step, plotHeight);
    }
    svg.raw("<line class=\"axis\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - right) + "\" y1=\"" + (HEIGHT - BOTTOM)
        + "\" y2=\"" + (HEIGHT - BOTTOM) + "\"/></svg>");
    return svg.toString();
  }

  private static void line(Html svg, Series s, ValueAxis axis, List<String> xLabels, double step, double plotHeight) {
    StringBuilder path = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < xLabels.size(); i++) {
      Double value = s.values().get(i);
      if (value == null) {
        drawing = false;
        continue;
      }
      double x = LEFT + i * step;
      double y = TOP + plotHeight * (1 - axis.fraction(value));
      path.append(drawing ? " L" : " M").append(Math.round(x * 10) / 10.0).append(' ')
          .append(Math.round(y * 10) / 10.0);
      drawing = true;
      svg.raw("<circle class=\"dot " + s.cssClass() + "\" cx=\"").num(x).raw("\" cy=\"").num(y)
          .raw("\" r=\"3\"><title>").text(s.name() + ", week of " + xLabels.get(i) + ": " + axis.format(value))
          .raw("</title></circle>");
    }
    if (!path.isEmpty()) {
      svg.raw("<path class=\"line " + s.cssClass() + "\" d=\"" + path.toString().trim() + "\"/>");
    }
  }
}
