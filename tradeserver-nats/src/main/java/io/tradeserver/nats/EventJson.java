package io.tradeserver.nats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.model.Fill;
import io.tradeserver.model.FixedPoint;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.risk.TradingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes TradeServer's events as the JSON of DESIGN §6 with Jackson's streaming generator: UTF-8,
 * decimals as strings (exact, at their scale), absent values as {@code null} so every event of a
 * kind has the same keys. {@code timestamp} is epoch milliseconds (as in signals) and {@code
 * timestampNanos} the engine clock's epoch nanoseconds.
 *
 * <p>Thread-safe and stateless; each call returns a fresh array the caller owns.
 */
public final class EventJson {
  static final JsonFactory JSON = new JsonFactory();

  private EventJson() {}

  /**
   * An order event: {@code clientOrderId, exchangeOrderId, signalId, strategy, exchange, symbol,
   * side, type, timeInForce, price, quantity, quoteQuantity, filledQuantity, averagePrice, status,
   * reason, detail, route, timestamp, timestampNanos}.
   */
  public static byte[] order(Order o) {
    return order(o, false);
  }

  /** As {@link #order(Order)}, with {@code "paper": true} when the venue only simulates orders. */
  public static byte[] order(Order o, boolean paper) {
    return write(
        g -> {
          g.writeStringField("clientOrderId", o.clientOrderId());
          g.writeStringField("exchangeOrderId", o.exchangeOrderId());
          g.writeStringField("signalId", o.signalId());
          g.writeStringField("strategy", o.strategy());
          instrument(g, o.instrumentId());
          g.writeStringField("side", name(o.side()));
          g.writeStringField("type", name(o.type()));
          g.writeStringField("timeInForce", name(o.timeInForce()));
          decimal(g, "price", o.price());
          decimal(g, "quantity", o.quantity());
          decimal(g, "quoteQuantity", o.quoteQuantity());
          decimal(g, "filledQuantity", o.filledQuantity());
          decimal(g, "averagePrice", o.averagePrice());
          g.writeStringField("status", name(o.status()));
          g.writeStringField("reason", name(o.reason()));
          g.writeStringField("detail", o.reasonDetail());
          g.writeStringField("route", o.route());
          g.writeBooleanField("paper", paper);
          time(g, o.updatedNanos());
        });
  }

  /**
   * A fill: {@code exchange, symbol, clientOrderId, exchangeOrderId, signalId, strategy, tradeId,
   * side, price, quantity, notional, fee, feeAsset, liquidity, orderStatus, reconciled, timestamp,
   * timestampNanos}. {@code order} (may be null) supplies the signal, strategy and order status.
   */
  public static byte[] fill(Fill f, Order order, boolean reconciled) {
    return fill(f, order, reconciled, false);
  }

  /** As {@link #fill(Fill, Order, boolean)}, with the venue's paper flag. */
  public static byte[] fill(Fill f, Order order, boolean reconciled, boolean paper) {
    return write(
        g -> {
          instrument(g, f.instrumentId());
          g.writeStringField("clientOrderId", f.clientOrderId());
          g.writeStringField("exchangeOrderId", f.exchangeOrderId());
          g.writeStringField("signalId", order == null ? null : order.signalId());
          g.writeStringField("strategy", order == null ? null : order.strategy());
          g.writeStringField("tradeId", f.tradeId());
          g.writeStringField("side", name(f.side()));
          decimal(g, "price", f.price());
          decimal(g, "quantity", f.quantity());
          decimal(g, "notional", notional(f));
          decimal(g, "fee", f.fee());
          g.writeStringField("feeAsset", f.feeAsset());
          g.writeStringField("liquidity", name(f.liquidity()));
          g.writeStringField("orderStatus", order == null ? null : name(order.status()));
          g.writeBooleanField("reconciled", reconciled);
          g.writeBooleanField("paper", paper);
          time(g, f.timeNanos());
        });
  }

  /**
   * A position after a fill: {@code exchange, symbol, quantity, averagePrice, cost, realizedPnl,
   * unrealizedPnl, fees, otherFees, netPnl, markPrice, fills, timestamp, timestampNanos}.
   */
  public static byte[] position(Position p) {
    return position(p, false);
  }

  /** As {@link #position(Position)}, with the venue's paper flag. */
  public static byte[] position(Position p, boolean paper) {
    return write(
        g -> {
          instrument(g, p.instrumentId());
          decimal(g, "quantity", p.quantity());
          decimal(g, "averagePrice", p.averagePrice());
          decimal(g, "cost", p.cost());
          decimal(g, "realizedPnl", p.realizedPnl());
          decimal(g, "unrealizedPnl", p.unrealizedPnl());
          decimal(g, "fees", p.fees());
          g.writeObjectFieldStart("otherFees");
          for (Map.Entry<String, BigDecimal> e : p.otherFees().entrySet()) {
            decimal(g, e.getKey(), e.getValue());
          }
          g.writeEndObject();
          decimal(g, "netPnl", p.netPnl());
          decimal(g, "markPrice", p.markPrice());
          g.writeNumberField("fills", p.fills());
          g.writeBooleanField("paper", paper);
          time(g, p.timeNanos());
        });
  }

  /**
   * A risk event: {@code kind, code, detail, from, to, exchange, symbol, clientOrderId, signalId,
   * strategy, timestamp, timestampNanos}.
   */
  public static byte[] risk(RiskEvent e) {
    return write(
        g -> {
          g.writeStringField("kind", name(e.kind()));
          g.writeStringField("code", name(e.code()));
          g.writeStringField("detail", e.detail());
          g.writeStringField("from", name(e.from()));
          g.writeStringField("to", name(e.to()));
          String venue = e.venue() != null ? e.venue() : exchange(e.instrumentId());
          g.writeStringField("exchange", venue);
          g.writeStringField("symbol", e.instrumentId() == null ? null : e.instrumentId().symbol());
          g.writeStringField("clientOrderId", e.clientOrderId());
          g.writeStringField("signalId", e.signalId());
          g.writeStringField("strategy", e.strategy());
          time(g, e.timeNanos());
        });
  }

  /**
   * A dead letter for {@code signals.rejected}: {@code reason, detail, raw, signalId, timestamp,
   * timestampNanos}.
   */
  public static byte[] rejected(SignalRejected r) {
    return write(
        g -> {
          g.writeStringField("reason", name(r.reason()));
          g.writeStringField("detail", r.detail());
          g.writeStringField("raw", r.raw());
          g.writeStringField("signalId", r.signalId());
          time(g, r.timeNanos());
        });
  }

  /** A control reply: {@code ok, state, detail}. */
  public static byte[] control(ControlResult r) {
    return write(
        g -> {
          g.writeBooleanField("ok", r.ok());
          g.writeStringField("state", name(r.state()));
          g.writeStringField("detail", r.detail());
        });
  }

  /** A failed control request: {@code ok: false, state, error}; {@code state} may be null. */
  public static byte[] controlError(TradingState state, String error) {
    return write(
        g -> {
          g.writeBooleanField("ok", false);
          g.writeStringField("state", name(state));
          g.writeStringField("error", error);
        });
  }

  /**
   * The status reply: {@code ok, state, stateCause, timestamp}, the counters ({@code signals,
   * signalsRejected, orders, ordersSent, fills, anomalies, signalInboxDepth}), {@code
   * rejectsByReason, openOrders, venues[], positions[], pnl, latency} and, when {@code nats} is not
   * null, the bridge's connection state and counters under {@code nats}.
   */
  public static byte[] status(StatusSnapshot s, NatsBridgeStats nats) {
    return write(g -> StatusJson.write(g, s, nats));
  }

  // ---- helpers ------------------------------------------------------------------------------

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * One generator per thread, writing successive root objects into one reused buffer: an event
   * costs its own byte array and nothing else (a generator per event allocated ~8 KB of buffers,
   * and the garbage showed up as p99 latency on a small machine).
   */
  private static final class Writer {
    final ByteArrayBuilder out = new ByteArrayBuilder(1024);
    final JsonGenerator g;

    Writer() {
      try {
        g = JSON.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      g.setRootValueSeparator(null);
    }
  }

  private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);

  static byte[] write(Body body) {
    Writer w = WRITERS.get();
    try {
      w.g.writeStartObject();
      body.write(w.g);
      w.g.writeEndObject();
      w.g.flush();
      return w.out.toByteArray();
    } catch (IOException | RuntimeException e) {
      WRITERS.remove(); // the generator may be mid-object: start the next event on a fresh one
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } finally {
      w.out.reset();
    }
  }

  /**
   * A cross-venue opportunity for {@code events.arbitrage.<SYMBOL>}: {@code kind: "opportunity",
   * id, symbol, buyVenue, sellVenue, bestAsk, bestBid, quantity, buyPrice, sellPrice, grossEdgeBps,
   * netEdgeBps, expectedProfit, quote, limitedBy, timestamp, timestampNanos}.
   */
  public static byte[] arbitrage(io.tradeserver.engine.ArbitrageOpportunity a) {
    return write(
        g -> {
          g.writeStringField("kind", "opportunity");
          g.writeNumberField("id", a.id());
          g.writeStringField("symbol", a.symbol());
          g.writeStringField("buyVenue", a.buyVenue());
          g.writeStringField("sellVenue", a.sellVenue());
          decimal(g, "bestAsk", a.bestAsk());
          decimal(g, "bestBid", a.bestBid());
          decimal(g, "quantity", a.quantity());
          decimal(g, "buyPrice", a.buyPrice());
          decimal(g, "sellPrice", a.sellPrice());
          decimal(g, "grossEdgeBps", a.grossEdgeBps());
          decimal(g, "netEdgeBps", a.netEdgeBps());
          decimal(g, "expectedProfit", a.expectedProfit());
          g.writeStringField("quote", a.quote());
          g.writeStringField("limitedBy", name(a.limitedBy()));
          time(g, a.timeNanos());
        });
  }

  /**
   * What became of an executed opportunity, on the same subject: {@code kind: "outcome",
   * opportunityId, symbol, buyVenue, sellVenue, result, planned, bought, sold, unwound, residual,
   * realizedPnl, detail, buyOrderId, sellOrderId, unwindOrderId, timestamp, timestampNanos}.
   */
  public static byte[] arbitrageOutcome(io.tradeserver.engine.ArbitrageOutcome o) {
    return write(
        g -> {
          g.writeStringField("kind", "outcome");
          g.writeNumberField("opportunityId", o.opportunityId());
          g.writeStringField("symbol", o.symbol());
          g.writeStringField("buyVenue", o.buyVenue());
          g.writeStringField("sellVenue", o.sellVenue());
          g.writeStringField("result", name(o.result()));
          decimal(g, "planned", o.planned());
          decimal(g, "bought", o.bought());
          decimal(g, "sold", o.sold());
          decimal(g, "unwound", o.unwound());
          decimal(g, "residual", o.residual());
          decimal(g, "realizedPnl", o.realizedPnl());
          g.writeStringField("detail", o.detail());
          g.writeStringField("buyOrderId", o.buyOrderId());
          g.writeStringField("sellOrderId", o.sellOrderId());
          g.writeStringField("unwindOrderId", o.unwindOrderId());
          time(g, o.timeNanos());
        });
  }

  static void instrument(JsonGenerator g, InstrumentId id) throws IOException {
    g.writeStringField("exchange", exchange(id));
    g.writeStringField("symbol", id == null ? null : id.symbol());
  }

  private static String exchange(InstrumentId id) {
    return id == null ? null : id.exchange();
  }

  static void decimal(JsonGenerator g, String field, FixedPoint v) throws IOException {
    g.writeStringField(field, v == null ? null : v.toString());
  }

  static void decimal(JsonGenerator g, String field, BigDecimal v) throws IOException {
    g.writeStringField(field, v == null ? null : v.toPlainString());
  }

  static void time(JsonGenerator g, long nanos) throws IOException {
    g.writeNumberField("timestamp", Math.floorDiv(nanos, 1_000_000L));
    g.writeNumberField("timestampNanos", nanos);
  }

  static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static FixedPoint notional(Fill f) {
    try {
      return f.notional();
    } catch (ArithmeticException e) {
      return null; // beyond long range: the price and quantity are still exact
    }
  }
}
