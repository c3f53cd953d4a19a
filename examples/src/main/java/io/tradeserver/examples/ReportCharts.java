package io.tradeserver.examples;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the run report: no script, no fonts or images from anywhere. Every data
 * point is an element of class {@code pt} with a {@code <title>} tooltip, and each chart says how
 * many it drew ({@code data-points}), so a browser test can check what rendered.
 */
final class ReportCharts {
  private static final int W = 720;
  private static final int H = 280;
  private static final int LEFT = 70;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private ReportCharts() {}

  /** One line of a line chart: x and y per point. */
  record Series(String name, String color, double[] xs, double[] ys) {}

  /** A line chart with a marker per point; an empty chart says so. */
  static String line(String id, String xLabel, String yLabel, List<Series> series) {
    int points = series.stream().mapToInt(s -> s.xs().length).sum();
    StringBuilder svg = open(id, W, H, points);
    if (points == 0) {
      return empty(svg, W, H);
    }
    double[] x = range(series, true);
    double[] y = range(series, false);
    axes(svg, x, y, xLabel, yLabel);
    for (Series s : series) {
      StringBuilder poly = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (int i = 0; i < s.xs().length; i++) {
        double px = sx(s.xs()[i], x);
        double py = sy(s.ys()[i], y);
        poly.append(fmt(px)).append(',').append(fmt(py)).append(' ');
        marks.append(
            String.format(
                Locale.ROOT,
                "<circle class=\"pt\" cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"><title>%s t=%ss"
                    + " %s</title></circle>",
                fmt(px),
                fmt(py),
                s.color(),
                ReportHtml.esc(s.name()),
                fmt(s.xs()[i]),
                fmt(s.ys()[i])));
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"")
          .append(s.color())
          .append("\" points=\"")
          .append(poly.toString().trim())
          .append("\"/>")
          .append(marks);
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  /** Vertical bars (a histogram): one bar per label. */
  static String bars(String id, List<String> labels, long[] values, String color, String yLabel) {
    StringBuilder svg = open(id, W, H, values.length);
    if (values.length == 0) {
      return empty(svg, W, H);
    }
    long max = 1;
    for (long v : values) {
      max = Math.max(max, v);
    }
    double[] y = {0, max};
    axes(svg, null, y, null, yLabel);
    double slot = (W - LEFT - RIGHT) / (double) values.length;
    int every = Math.max(1, values.length / 10);
    for (int i = 0; i < values.length; i++) {
      double x0 = LEFT + i * slot;
      double top = sy(values[i], y);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"pt\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\">"
                  + "<title>%s: %d</title></rect>",
              fmt(x0 + 1),
              fmt(top),
              fmt(Math.max(1, slot - 2)),
              fmt(H - BOTTOM - top),
              color,
              ReportHtml.esc(labels.get(i)),
              values[i]));
      if (i % every == 0) {
        svg.append(text(x0 + slot / 2, H - BOTTOM + 14, "middle", labels.get(i)));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars with their labels on the left (reasons, venues). */
  static String hbars(String id, List<String> labels, long[] values, String color) {
    int rowH = 22;
    int h = Math.max(60, TOP + rowH * values.length + 10);
    StringBuilder svg = open(id, W, h, values.length);
    if (values.length == 0) {
      return empty(svg, W, h);
    }
    long max = 1;
    for (long v : values) {
      max = Math.max(max, v);
    }
    int labelW = 230;
    double span = W - labelW - RIGHT - 60;
    for (int i = 0; i < values.length; i++) {
      double yy = TOP + i * rowH;
      double w = Math.max(1, span * values[i] / max);
      svg.append(text(labelW - 8, yy + 15, "end", labels.get(i)))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"pt\" x=\"%d\" y=\"%s\" width=\"%s\" height=\"16\" fill=\"%s\">"
                      + "<title>%s: %d</title></rect>",
                  labelW,
                  fmt(yy + 3),
                  fmt(w),
                  color,
                  ReportHtml.esc(labels.get(i)),
                  values[i]))
          .append(text(labelW + w + 6, yy + 15, "start", Long.toString(values[i])));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, int w, int h, int points) {
    return new StringBuilder()
        .append("<svg class=\"chart\" id=\"")
        .append(id)
        .append("\" data-points=\"")
        .append(points)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
  }

  private static String empty(StringBuilder svg, int w, int h) {
    return svg.append(text(w / 2.0, h / 2.0, "middle", "no data")).append("</svg>").toString();
  }

  private static void axes(StringBuilder svg, double[] x, double[] y, String xl, String yl) {
    int bottom = H - BOTTOM;
    svg.append(line(LEFT, TOP, LEFT, bottom)).append(line(LEFT, bottom, W - RIGHT, bottom));
    for (int i = 0; i <= 4; i++) {
      double v = y[0] + (y[1] - y[0]) * i / 4;
      double py = sy(v, y);
      svg.append(line(LEFT - 4, py, LEFT, py)).append(text(LEFT - 6, py + 4, "end", num(v)));
    }
    if (x != null) {
      for (int i = 0; i <= 5; i++) {
        double v = x[0] + (x[1] - x[0]) * i / 5;
        svg.append(text(sx(v, x), bottom + 14, "middle", num(v)));
      }
      svg.append(text((LEFT + W - RIGHT) / 2.0, H - 6, "middle", xl));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis\" transform=\"translate(14,%d) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>",
            (TOP + bottom) / 2,
            ReportHtml.esc(yl)));
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    double x = LEFT + 10;
    for (Series s : series) {
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%s\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                  fmt(x),
                  TOP,
                  s.color()))
          .append(text(x + 14, TOP + 9, "start", s.name()));
      x += 24 + 7 * s.name().length();
    }
  }

  private static double[] range(List<Series> series, boolean xAxis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : xAxis ? s.xs() : s.ys()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!xAxis) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    return new double[] {lo, hi};
  }

  private static double sx(double v, double[] r) {
    return LEFT + (W - LEFT - RIGHT) * (v - r[0]) / (r[1] - r[0]);
  }

  private static double sy(double v, double[] r) {
    return (H - BOTTOM) - (H - BOTTOM - TOP - 14) * (v - r[0]) / (r[1] - r[0]);
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line class=\"axis\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>",
        fmt(x1),
        fmt(y1),
        fmt(x2),
        fmt(y2));
  }

  private static String text(double x, double y, String anchor, String s) {
    return String.format(
        Locale.ROOT,
        "<text class=\"axis\" x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>",
        fmt(x),
        fmt(y),
        anchor,
        ReportHtml.esc(s));
  }

  static String num(double v) {
    double a = Math.abs(v);
    if (a >= 1000 || a == 0 || Math.rint(v) == v) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
