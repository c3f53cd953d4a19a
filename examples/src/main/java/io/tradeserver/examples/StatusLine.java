package io.tradeserver.examples;

import io.tradeserver.engine.StatusSnapshot;
import java.math.BigDecimal;
import java.util.Map;

/** The once-a-second console line. */
final class StatusLine {
  private StatusLine() {}

  static String format(long elapsedSeconds, StatusSnapshot s) {
    return String.format(java.util.Locale.ROOT, "[%4ds] ", elapsedSeconds) + format(s);
  }

  /** The line without the elapsed-time prefix, for logs. */
  static String format(StatusSnapshot s) {
    long rejects = s.rejectsByReason().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder pnl = new StringBuilder();
    for (Map.Entry<String, BigDecimal> e : s.netPnlByQuote().entrySet()) {
      pnl.append(pnl.length() == 0 ? "" : " ")
          .append(e.getValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())
          .append(' ')
          .append(e.getKey());
    }
    return String.format(
        java.util.Locale.ROOT,
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
}
