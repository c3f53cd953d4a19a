package io.tradeserver.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.engine.ArbitrageOpportunity;
import io.tradeserver.engine.LatencySummary;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Position;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The demo's final figures: as text for the console and as JSON for {@code --summary-json}
 * (signals, orders, fills, rejects by reason, positions, P&L, latency percentiles, and whether
 * every position equals the net of its fills).
 */
final class Summary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Summary() {}

  static ObjectNode json(StatusSnapshot s, DemoRecorder rec, Duration ran, long generated) {
    ObjectNode root = JSON.createObjectNode();
    root.put("durationSeconds", ran.toMillis() / 1000.0);
    root.put("signalsGenerated", generated);
    root.put("signals", s.signals());
    root.put("signalsRejected", s.signalsRejected());
    root.put("orders", s.orders());
    root.put("ordersSent", s.ordersSent());
    root.put("routedOrders", rec.routedOrders());
    ObjectNode routed = root.putObject("routedOrdersByVenue");
    s.routedOrdersByVenue().forEach(routed::put);
    root.put("fills", s.fills());
    root.put("openOrders", s.openOrders());
    root.put("state", s.state().name());
    ObjectNode rejects = root.putObject("rejectsByReason");
    s.rejectsByReason().forEach(rejects::put);
    ArrayNode positions = root.putArray("positions");
    for (Position p : s.positions()) {
      ObjectNode n = positions.addObject();
      n.put("instrument", p.instrumentId().toString());
      n.put("quantity", p.quantity().toString());
      n.put("averagePrice", p.averagePrice() == null ? null : p.averagePrice().toString());
      n.put("realizedPnl", p.realizedPnl().toPlainString());
      n.put("unrealizedPnl", p.unrealizedPnl().toPlainString());
      n.put("fees", p.fees().toPlainString());
      n.put("fills", p.fills());
    }
    ObjectNode net = root.putObject("netFillQuantity");
    rec.netFills().forEach((id, q) -> net.put(id.toString(), q.toString()));
    root.put("positionsMatchFills", positionsMatchFills(s, rec.netFills()));
    ObjectNode pnl = root.putObject("netPnlByQuote");
    s.netPnlByQuote().forEach((k, v) -> pnl.put(k, v.toPlainString()));
    ObjectNode latency = root.putObject("latency");
    latency(latency.putObject("signalToSubmitUs"), s.signalToSubmit());
    latency(latency.putObject("submitToAckUs"), s.submitToAck());
    return root;
  }

  /**
   * Adds {@code arbitrage}: opportunities published, paired executions by result, the best
   * opportunity seen (highest net edge) and the most recent ones.
   */
  static void arbitrage(ObjectNode root, StatusSnapshot s, ReportRecorder report) {
    ObjectNode a = root.putObject("arbitrage");
    a.put("opportunities", s.arbitrageOpportunities());
    ObjectNode pairs = a.putObject("pairsByResult");
    s.arbitragePairs().forEach(pairs::put);
    List<ArbitrageOpportunity> seen = report.opportunities();
    seen.stream()
        .max(Comparator.comparing(ArbitrageOpportunity::netEdgeBps))
        .ifPresent(o -> opportunity(a.putObject("best"), o));
    ArrayNode recent = a.putArray("recent");
    seen.subList(Math.max(0, seen.size() - 5), seen.size())
        .forEach(o -> opportunity(recent.addObject(), o));
  }

  private static void opportunity(ObjectNode n, ArbitrageOpportunity o) {
    n.put("id", o.id());
    n.put("symbol", o.symbol());
    n.put("buy", o.buyVenue() + "@" + o.bestAsk());
    n.put("sell", o.sellVenue() + "@" + o.bestBid());
    n.put("quantity", o.quantity().toString());
    n.put("netEdgeBps", o.netEdgeBps().toPlainString());
    n.put("expectedProfit", o.expectedProfit().toPlainString() + " " + o.quote());
    n.put("limitedBy", o.limitedBy().name());
  }

  /** Every position's quantity equals the net of its fills, and no fill lacks a position. */
  static boolean positionsMatchFills(StatusSnapshot s, Map<InstrumentId, Quantity> netFills) {
    int matched = 0;
    for (Position p : s.positions()) {
      Quantity net = netFills.get(p.instrumentId());
      BigDecimal expected = net == null ? BigDecimal.ZERO : net.toBigDecimal();
      if (p.quantity().toBigDecimal().compareTo(expected) != 0) {
        return false;
      }
      matched += net == null ? 0 : 1;
    }
    return matched == netFills.size();
  }

  private static void latency(ObjectNode n, LatencySummary l) {
    n.put("count", l.count());
    n.put("p50", l.p50Us());
    n.put("p90", l.p90Us());
    n.put("p99", l.p99Us());
    n.put("p999", l.p999Us());
    n.put("max", l.maxUs());
  }

  static void write(ObjectNode json, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), json);
  }

  static String text(ObjectNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
