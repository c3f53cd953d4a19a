package io.tradeserver.examples;

import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.metrics.MetricNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The status line: the demo's once-a-second line reads the Micrometer meters (as a dashboard
 * would); the service logs one from the status snapshot alone.
 */
final class StatusLine {
  private StatusLine() {}

  /**
   * The demo's line: counts, P&L, routed orders, opportunities and latency percentiles from the
   * meters; trading state and positions from the snapshot.
   */
  static String format(long elapsedSeconds, StatusSnapshot s, MetricsView m) {
    StringBuilder pnl = new StringBuilder();
    for (Map.Entry<String, Double> e : m.netPnl().entrySet()) {
      pnl.append(pnl.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%.2f %s", e.getValue(), e.getKey()));
    }
    return String.format(
        Locale.ROOT,
        "[%4ds] %-7s signals=%d orders=%d fills=%d rejects=%d open=%d positions=%d pnl=%s "
            + "routed=%s arb=%d signal->submit p99=%s submit->ack p99 %s",
        elapsedSeconds,
        s.state(),
        m.signals(),
        m.orders(),
        m.fills(),
        m.rejects(),
        m.openOrders(),
        s.positions().stream().filter(p -> !p.quantity().isZero()).count(),
        pnl.length() == 0 ? "0" : pnl,
        m.routedByVenue(),
        m.arbitrageOpportunities(),
        worst(m.percentileUs(MetricNames.SIGNAL_TO_SUBMIT, 0.99)),
        perVenue(m.percentileUs(MetricNames.SUBMIT_TO_ACK, 0.99)));
  }

  /** The line from the status snapshot alone, for the service's log. */
  static String format(StatusSnapshot s) {
    long rejects = s.rejectsByReason().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder pnl = new StringBuilder();
    for (Map.Entry<String, BigDecimal> e : s.netPnlByQuote().entrySet()) {
      pnl.append(pnl.length() == 0 ? "" : " ")
          .append(e.getValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
          .append(' ')
          .append(e.getKey());
    }
    return String.format(
        Locale.ROOT,
        "%-7s signals=%d orders=%d fills=%d rejects=%d open=%d positions=%d pnl=%s "
            + "signal->submit p50=%.1fus p99=%.1fus submit->ack p50=%.1fus p99=%.1fus",
        s.state(),
        s.signals(),
        s.orders(),
        s.fills(),
        rejects,
        s.openOrders(),
        s.positions().stream().filter(p -> !p.quantity().isZero()).count(),
        pnl.length() == 0 ? "0" : pnl,
        s.signalToSubmit().p50Us(),
        s.signalToSubmit().p99Us(),
        s.submitToAck().p50Us(),
        s.submitToAck().p99Us());
  }

  private static String worst(Map<String, Double> byVenue) {
    double max = byVenue.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return String.format(Locale.ROOT, "%.1fus", max);
  }

  private static String perVenue(Map<String, Double> byVenue) {
    StringBuilder sb = new StringBuilder();
    byVenue.forEach(
        (v, us) ->
            sb.append(sb.length() == 0 ? "" : " ")
                .append(v)
                .append('=')
                .append(String.format(Locale.ROOT, "%.2fms", us / 1000)));
    return sb.length() == 0 ? "-" : sb.toString();
  }
}
