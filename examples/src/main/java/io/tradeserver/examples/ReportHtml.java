package io.tradeserver.examples;

import io.tradeserver.engine.ArbitrageOpportunity;
import io.tradeserver.engine.ArbitrageOutcome;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The run report: one self-contained HTML file (inline CSS, SVG and a few lines of script; nothing
 * loaded from anywhere) with the P&L curve, positions, routed orders, rejects by reason, latency
 * histograms, arbitrage opportunities and outcomes, and the latest fills.
 */
final class ReportHtml {
  private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e"};

  private ReportHtml() {}

  static void write(ReportData r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(r), StandardCharsets.UTF_8);
  }

  static String render(ReportData r) {
    StatusSnapshot s = r.status();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(r.title()))
        .append("</title><style>")
        .append(resource("report.css"))
        .append("</style></head><body><h1>")
        .append(esc(r.title()))
        .append("</h1><p class=\"meta\">generated ")
        .append(esc(r.generatedAt().toString()))
        .append(" · ran ")
        .append(String.format(Locale.ROOT, "%.1f", r.seconds()))
        .append(" s · state ")
        .append(s.state())
        .append("</p>");
    headline(h, r);
    section(h, "P&L over time", pnlChart(r));
    section(h, "Positions", positions(s.positions()));
    section(
        h,
        "Orders placed by the router, per venue",
        hbars("routed-chart", s.routedOrdersByVenue(), "#2ca02c"));
    section(h, "Rejects by reason", hbars("rejects-chart", s.rejectsByReason(), "#d62728"));
    section(h, "Latency", latency(r));
    section(
        h,
        "Arbitrage opportunities (" + r.opportunityCount() + ")",
        opportunities(r.opportunities()) + outcomes(r.outcomes()));
    section(h, "Fills (latest " + r.fills().size() + " of " + r.fillCount() + ")", fills(r));
    return h.append("<script>")
        .append(resource("report.js"))
        .append("</script></body></html>\n")
        .toString();
  }

  private static void headline(StringBuilder h, ReportData r) {
    StatusSnapshot s = r.status();
    long rejects = s.rejectsByReason().values().stream().mapToLong(Long::longValue).sum();
    long routed = s.routedOrdersByVenue().values().stream().mapToLong(Long::longValue).sum();
    h.append("<table class=\"headline\"><tr>");
    cell(h, "signals", s.signals());
    cell(h, "orders", s.orders());
    cell(h, "sent", s.ordersSent());
    cell(h, "routed", routed);
    cell(h, "fills", s.fills());
    cell(h, "rejects", rejects);
    cell(h, "opportunities", s.arbitrageOpportunities());
    cell(
        h,
        "arbitrage pairs",
        s.arbitragePairs().values().stream().mapToLong(Long::longValue).sum());
    for (Map.Entry<String, BigDecimal> e : s.netPnlByQuote().entrySet()) {
      cell(h, "net P&L " + e.getKey(), money(e.getValue()));
    }
    h.append("</tr></table>");
  }

  private static void cell(StringBuilder h, String label, Object value) {
    h.append("<td><div class=\"v\">")
        .append(esc(String.valueOf(value)))
        .append("</div><div class=\"l\">")
        .append(esc(label))
        .append("</div></td>");
  }

  private static void section(StringBuilder h, String title, String body) {
    h.append("<section><h2>").append(esc(title)).append("</h2>").append(body).append("</section>");
  }

  private static String pnlChart(ReportData r) {
    Set<String> quotes = new TreeSet<>();
    r.samples().forEach(x -> quotes.addAll(x.net().keySet()));
    List<ReportCharts.Series> series = new ArrayList<>();
    int c = 0;
    for (String q : quotes) {
      series.add(series(r, "net " + q, COLORS[c++ % COLORS.length], x -> x.net().get(q)));
      series.add(
          series(r, "realized - fees " + q, COLORS[c++ % COLORS.length], x -> x.realized().get(q)));
    }
    return ReportCharts.line("pnl-chart", "seconds", "P&L", series);
  }

  private static ReportCharts.Series series(
      ReportData r, String name, String color, Function<ReportRecorder.Sample, BigDecimal> f) {
    List<double[]> pts = new ArrayList<>();
    for (ReportRecorder.Sample x : r.samples()) {
      BigDecimal v = f.apply(x);
      if (v != null) {
        pts.add(new double[] {x.seconds(), v.doubleValue()});
      }
    }
    double[] xs = new double[pts.size()];
    double[] ys = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      xs[i] = pts.get(i)[0];
      ys[i] = pts.get(i)[1];
    }
    return new ReportCharts.Series(name, color, xs, ys);
  }

  private static String hbars(String id, Map<String, Long> counts, String color) {
    List<String> labels = new ArrayList<>(counts.keySet());
    long[] values = labels.stream().mapToLong(counts::get).toArray();
    return ReportCharts.hbars(id, labels, values, color);
  }

  private static String latency(ReportData r) {
    StringBuilder h = new StringBuilder();
    h.append("<h3>signal received → order handed to the venue client</h3>")
        .append(histogram("signal-submit-chart", r.signalToSubmitUs(), "#1f77b4"))
        .append("<h3>order sent → venue acknowledgement</h3>")
        .append(histogram("submit-ack-chart", r.submitToAckUs(), "#9467bd"));
    List<String[]> rows = new ArrayList<>();
    r.ackP99Us()
        .forEach(
            (v, p99) -> rows.add(new String[] {v, us(r.ackP50Us().getOrDefault(v, 0.0)), us(p99)}));
    return h.append(table("ack-table", new String[] {"venue", "ack p50", "ack p99"}, rows))
        .toString();
  }

  private static String histogram(String id, Map<Double, Long> buckets, String color) {
    List<String> labels = new ArrayList<>();
    buckets.keySet().forEach(b -> labels.add("≤" + us(b)));
    long[] values = buckets.values().stream().mapToLong(Long::longValue).toArray();
    return ReportCharts.bars(id, labels, values, color, "orders");
  }

  private static String positions(List<Position> positions) {
    List<String[]> rows = new ArrayList<>();
    for (Position p : positions) {
      rows.add(
          new String[] {
            p.instrumentId().toString(),
            p.quantity().toString(),
            p.averagePrice() == null ? "" : p.averagePrice().toString(),
            money(p.realizedPnl()),
            money(p.unrealizedPnl()),
            money(p.fees()),
            money(p.netPnl()),
            Long.toString(p.fills())
          });
    }
    return table(
        "positions-table",
        new String[] {
          "instrument", "quantity", "avg price", "realized", "unrealized", "fees", "net", "fills"
        },
        rows);
  }

  private static String opportunities(List<ArbitrageOpportunity> list) {
    List<String[]> rows = new ArrayList<>();
    for (ArbitrageOpportunity o : list) {
      rows.add(
          new String[] {
            Long.toString(o.id()),
            o.symbol(),
            o.buyVenue() + " @ " + o.bestAsk(),
            o.sellVenue() + " @ " + o.bestBid(),
            o.quantity().toString(),
            o.grossEdgeBps().toPlainString(),
            o.netEdgeBps().toPlainString(),
            money(o.expectedProfit()) + " " + o.quote(),
            o.limitedBy().name()
          });
    }
    return table(
        "opportunities-table",
        new String[] {
          "id",
          "symbol",
          "buy",
          "sell",
          "quantity",
          "gross bps",
          "net bps",
          "expected",
          "limited by"
        },
        rows);
  }

  private static String outcomes(List<ArbitrageOutcome> list) {
    if (list.isEmpty()) {
      return "<p class=\"meta\">no paired executions</p>";
    }
    List<String[]> rows = new ArrayList<>();
    for (ArbitrageOutcome o : list) {
      rows.add(
          new String[] {
            Long.toString(o.opportunityId()),
            o.symbol(),
            o.buyVenue() + " → " + o.sellVenue(),
            o.result().name(),
            o.bought().toPlainString() + " / " + o.sold().toPlainString(),
            o.unwound().toPlainString(),
            o.residual().toPlainString(),
            money(o.realizedPnl()),
            o.detail() == null ? "" : o.detail()
          });
    }
    return "<h3>paired executions</h3>"
        + table(
            "outcomes-table",
            new String[] {
              "id",
              "symbol",
              "pair",
              "result",
              "bought / sold",
              "unwound",
              "residual",
              "P&L",
              "detail"
            },
            rows);
  }

  private static String fills(ReportData r) {
    List<String[]> rows = new ArrayList<>();
    List<Fill> fills = r.fills();
    for (int i = fills.size() - 1; i >= 0; i--) {
      Fill f = fills.get(i);
      rows.add(
          new String[] {
            Instant.ofEpochSecond(0, f.timeNanos()).toString(),
            f.instrumentId().toString(),
            f.side().name(),
            f.quantity().toString(),
            f.price().toString(),
            f.fee() + (f.feeAsset() == null ? "" : " " + f.feeAsset()),
            f.liquidity().name(),
            f.tradeId(),
            f.clientOrderId() == null ? "" : f.clientOrderId()
          });
    }
    return table(
        "fills-table",
        new String[] {"time", "instrument", "side", "qty", "price", "fee", "liq", "trade", "order"},
        rows);
  }

  private static String table(String id, String[] head, List<String[]> rows) {
    StringBuilder h = new StringBuilder("<table class=\"sortable\" id=\"").append(id).append("\">");
    h.append("<thead><tr>");
    for (String c : head) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String[] row : rows) {
      h.append("<tr>");
      for (String c : row) {
        h.append("<td>").append(esc(c)).append("</td>");
      }
      h.append("</tr>");
    }
    if (rows.isEmpty()) {
      h.append("<tr><td colspan=\"").append(head.length).append("\">none</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  private static String money(BigDecimal v) {
    return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String us(double micros) {
    return micros >= 1000
        ? String.format(Locale.ROOT, "%.2fms", micros / 1000)
        : String.format(Locale.ROOT, "%.0fµs", micros);
  }

  /** HTML-escapes text for element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
