package dev.pave.api.dashboard;

import java.util.List;

/**
 * Horizontal bars as server-drawn SVG, one row per category (a module, a team): stacked (parts
 * of a whole, e.g. where the time goes) or grouped (side by side, e.g. requests and workspaces).
 */
final class BarChart {

  private static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 150;
  private static final int RIGHT = 70;
  private static final int TOP = 8;
  private static final int AXIS_HEIGHT = 26;
  private static final int MAX_LABEL = 22;

  private BarChart() {}

  static String stacked(String title, List<String> categories, List<Series> parts, ValueAxis axis) {
    return render(title, categories, parts, axis, true);
  }

  static String grouped(String title, List<String> categories, List<Series> series, ValueAxis axis) {
    return render(title, categories, series, axis, false);
  }

  private static String render(String title, List<String> categories, List<Series> series, ValueAxis axis,
      boolean stacked) {
    int barHeight = stacked ? 18 : 11;
    int rowHeight = stacked ? 30 : barHeight * series.size() + 12;
    int height = TOP + rowHeight * Math.max(categories.size(), 1) + AXIS_HEIGHT;
    double plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
    Html svg = new Html();
    svg.raw("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\" aria-label=\"")
        .text(title).raw("\"><title>").text(title).raw("</title>");
    double axisY = height - AXIS_HEIGHT;
    for (double tick : axis.scale().ticks()) {
      double x = LABEL_WIDTH + plotWidth * axis.scale().fraction(tick);
      svg.raw("<line class=\"grid\" x1=\"").num(x).raw("\" x2=\"").num(x).raw("\" y1=\"" + TOP + "\" y2=\"")
          .num(axisY).raw("\"/><text class=\"tick\" x=\"").num(x).raw("\" y=\"").num(axisY + 16)
          .raw("\" text-anchor=\"middle\">").text(axis.tick(tick)).raw("</text>");
    }
    if (categories.isEmpty()) {
      svg.raw("<text class=\"empty\" x=\"" + (WIDTH / 2) + "\" y=\"" + (TOP + 20)
          + "\" text-anchor=\"middle\">nothing in this period</text>");
    }
    for (int row = 0; row < categories.size(); row++) {
      String name = categories.get(row);
      double rowTop = TOP + row * rowHeight;
      svg.raw("<text class=\"label\" x=\"" + (LABEL_WIDTH - 8) + "\" y=\"").num(rowTop + rowHeight / 2.0 + 4)
          .raw("\" text-anchor=\"end\"><title>").text(name).raw("</title>").text(shorten(name)).raw("</text>");
      double x = LABEL_WIDTH;
      double total = 0;
      for (int s = 0; s < series.size(); s++) {
        Series part = series.get(s);
        double value = part.values().get(row) == null ? 0 : part.values().get(row);
        double width = plotWidth * axis.fraction(value);
        double y = stacked ? rowTop + (rowHeight - barHeight) / 2.0 : rowTop + 6 + s * barHeight;
        double left = stacked ? x : LABEL_WIDTH;
        svg.raw("<rect class=\"bar " + part.cssClass() + "\" x=\"").num(left).raw("\" y=\"").num(y)
            .raw("\" width=\"").num(Math.max(width, value > 0 ? 1 : 0)).raw("\" height=\"" + (barHeight - 2)
                + "\"><title>").text(name + ", " + part.name() + ": " + axis.format(value)).raw("</title></rect>");
        if (!stacked) {
          svg.raw("<text class=\"value\" x=\"").num(left + width + 4).raw("\" y=\"").num(y + barHeight - 3)
              .raw("\">").text(axis.format(value)).raw("</text>");
        }
        x += width;
        total += value;
      }
      if (stacked) {
        svg.raw("<text class=\"value\" x=\"").num(x + 4).raw("\" y=\"").num(rowTop + rowHeight / 2.0 + 4)
            .raw("\">").text(axis.format(total)).raw("</text>");
      }
    }
    svg.raw("<line class=\"axis\" x1=\"" + LABEL_WIDTH + "\" x2=\"" + LABEL_WIDTH + "\" y1=\"" + TOP + "\" y2=\"")
        .num(axisY).raw("\"/></svg>");
    return svg.toString();
  }

  private static String shorten(String name) {
    return name.length() <= MAX_LABEL ? name : name.substring(0, MAX_LABEL - 1) + "…";
  }
}
