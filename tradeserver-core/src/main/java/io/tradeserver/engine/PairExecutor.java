package io.tradeserver.engine;

import io.tradeserver.engine.ArbitrageOutcome.Result;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.risk.RiskResult;
import io.tradeserver.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Executes arbitrage opportunities as pairs (engine thread): an IOC limit buy on the cheap venue
 * and an IOC limit sell on the dear one, each at the worst book level the opportunity used, for at
 * most {@code maxNotional}. Both legs are probed by risk first, so a pair is only sent when both
 * would pass; then each is checked and sent like any order. One pair per symbol is in flight at a
 * time. When both legs are done, unequal fills are evened out: the excess is unwound on its own
 * venue with a market order (protected by {@code unwindSlippageBps}) through risk. The outcome,
 * with the cash flow of every leg net of quote fees, is published and counted.
 */
final class PairExecutor {
  private final Engine engine;
  private final ArbitrageConfig config;
  private final Clock clock;
  private final Map<String, Pair> bySymbol = new HashMap<>();
  private final Map<String, Pair> byOrder = new HashMap<>();

  PairExecutor(Engine engine, ArbitrageConfig config, Clock clock) {
    this.engine = engine;
    this.config = config;
    this.clock = clock;
  }

  /** One paired execution in flight. */
  private static final class Pair {
    final ArbitrageOpportunity o;
    final BigDecimal planned;
    String buyId;
    String sellId;
    String unwindId;
    boolean buyDone;
    boolean sellDone;
    BigDecimal bought = BigDecimal.ZERO;
    BigDecimal sold = BigDecimal.ZERO;
    BigDecimal excess = BigDecimal.ZERO; // bought - sold when the unwind was sent
    BigDecimal cash = BigDecimal.ZERO;
    String detail;

    Pair(ArbitrageOpportunity o, BigDecimal planned) {
      this.o = o;
      this.planned = planned;
    }

    void note(String d) {
      detail = detail == null ? d : detail + "; " + d;
    }
  }

  void execute(ArbitrageOpportunity o) {
    if (bySymbol.containsKey(o.symbol())) {
      return;
    }
    VenueState va = engine.venues.get(o.buyVenue());
    VenueState vb = engine.venues.get(o.sellVenue());
    Instrument ia = va.instrument(o.symbol());
    Instrument ib = vb.instrument(o.symbol());
    BigDecimal cap = config.maxNotional().divide(o.buyPrice(), 18, RoundingMode.DOWN);
    BigDecimal qty =
        ArbitrageDetector.roundDown(
            o.quantity().toBigDecimal().min(cap), ArbitrageDetector.commonStep(ia, ib));
    Pair p = new Pair(o, qty);
    long now = clock.nanos();
    OrderRequest buy = leg(o, ia, Side.BUY, o.buyLimit(), qty, now);
    OrderRequest sell = leg(o, ib, Side.SELL, o.sellLimit(), qty, now);
    if (!probe(p, buy) || !probe(p, sell)) {
      finish(p, Result.NOT_SENT);
      return;
    }
    bySymbol.put(o.symbol(), p);
    p.buyId = send(p, buy, va);
    if (p.buyId == null) {
      finish(p, Result.NOT_SENT);
      return;
    }
    p.sellId = send(p, sell, vb);
    p.sellDone = p.sellId == null; // refused after all: the buy leg is unwound once done
  }

  private OrderRequest leg(
      ArbitrageOpportunity o, Instrument in, Side side, Price limit, BigDecimal qty, long now) {
    return new OrderRequest(
        engine.ids.next(),
        in,
        side,
        OrderType.LIMIT,
        TimeInForce.IOC,
        limit,
        Quantity.parse(qty.toPlainString()).withScale(in.quantityScale()),
        null,
        null,
        "arb-" + o.id() + (side == Side.BUY ? "-buy" : "-sell"),
        config.strategy(),
        now);
  }

  private boolean probe(Pair p, OrderRequest r) {
    if (r.quantity().isZero()) {
      p.note("quantity rounds to 0 within maxNotional");
      return false;
    }
    RiskResult result = engine.risk.probe(r, config.strategy(), -1);
    if (!result.accepted()) {
      p.note(describe(r) + " refused: " + result.denial().code() + " " + result.denial().detail());
    }
    return result.accepted();
  }

  /** Checks and sends one order; returns its client order id, or null when risk refused it. */
  private String send(Pair p, OrderRequest r, VenueState v) {
    RiskResult result = engine.risk.check(r, config.strategy(), config.unwindSlippageBps());
    engine.stats.orders++;
    if (!result.accepted()) {
      engine.stats.reject(result.denial().code());
      engine.orders.reject(r, result.denial().code(), result.denial().detail(), null);
      p.note(describe(r) + " refused: " + result.denial().code() + " " + result.denial().detail());
      return null;
    }
    byOrder.put(r.clientOrderId(), p);
    engine.orders.submit(SignalProcessor.forVenue(result.order(), v), result.adjustment(), null);
    engine.stats.ordersSent++;
    return r.clientOrderId();
  }

  void onFill(ManagedOrder o, Fill f) {
    Pair p = byOrder.get(o.clientOrderId());
    if (p == null) {
      return;
    }
    BigDecimal notional = f.notional().toBigDecimal();
    p.cash = p.cash.add(f.side() == Side.SELL ? notional : notional.negate());
    if (f.fee().signum() != 0) {
      if (p.o.quote().equals(f.feeAsset())) {
        p.cash = p.cash.subtract(f.fee().toBigDecimal());
      } else {
        p.note("fee " + f.fee() + " " + f.feeAsset() + " not in P&L");
      }
    }
  }

  void onOrder(ManagedOrder o) {
    Pair p = byOrder.get(o.clientOrderId());
    if (p == null || !o.status().isTerminal()) {
      return;
    }
    BigDecimal filled = Quantity.of(o.filledUnits(), o.instrument().quantityScale()).toBigDecimal();
    if (o.filledUnits() < o.quantityUnits()) {
      p.note(
          describe(o.request())
              + " "
              + o.status()
              + (o.reason() == null ? "" : " " + o.reason() + " " + o.reasonDetail()));
    }
    String id = o.clientOrderId();
    if (id.equals(p.unwindId)) {
      finish(p, filled.compareTo(p.excess.abs()) == 0 ? Result.UNWOUND : Result.UNWIND_INCOMPLETE);
      return;
    }
    if (id.equals(p.buyId)) {
      p.bought = filled;
      p.buyDone = true;
    } else if (id.equals(p.sellId)) {
      p.sold = filled;
      p.sellDone = true;
    }
    if (p.buyDone && p.sellDone && p.unwindId == null) {
      settle(p);
    }
  }

  private void settle(Pair p) {
    BigDecimal excess = p.bought.subtract(p.sold);
    if (excess.signum() == 0) {
      finish(p, p.bought.signum() == 0 ? Result.NOT_FILLED : Result.COMPLETED);
      return;
    }
    p.excess = excess;
    VenueState v = engine.venues.get(excess.signum() > 0 ? p.o.buyVenue() : p.o.sellVenue());
    Instrument in = v.instrument(p.o.symbol());
    BigDecimal qty = ArbitrageDetector.roundDown(excess.abs(), in.stepSize().toBigDecimal());
    if (qty.signum() == 0) {
      p.note("excess " + excess.toPlainString() + " below the step size");
      finish(p, Result.UNWIND_INCOMPLETE);
      return;
    }
    OrderRequest r =
        new OrderRequest(
            engine.ids.next(),
            in,
            excess.signum() > 0 ? Side.SELL : Side.BUY,
            OrderType.MARKET,
            TimeInForce.IOC,
            null,
            Quantity.parse(qty.toPlainString()).withScale(in.quantityScale()),
            null,
            null,
            "arb-" + p.o.id() + "-unwind",
            config.strategy(),
            clock.nanos());
    p.unwindId = send(p, r, v);
    if (p.unwindId == null) {
      finish(p, Result.UNWIND_INCOMPLETE);
    }
  }

  private void finish(Pair p, Result result) {
    BigDecimal unwound = BigDecimal.ZERO;
    if (p.unwindId != null) {
      ManagedOrder u = engine.orders.get(p.unwindId);
      unwound = Quantity.of(u.filledUnits(), u.instrument().quantityScale()).toBigDecimal();
    }
    BigDecimal excess = p.bought.subtract(p.sold);
    BigDecimal residual = excess.signum() >= 0 ? excess.subtract(unwound) : excess.add(unwound);
    ArbitrageOutcome out =
        new ArbitrageOutcome(
            p.o.id(),
            p.o.symbol(),
            p.o.buyVenue(),
            p.o.sellVenue(),
            result,
            p.planned,
            p.bought,
            p.sold,
            unwound,
            residual,
            p.cash,
            p.detail,
            p.buyId,
            p.sellId,
            p.unwindId,
            clock.nanos());
    bySymbol.remove(p.o.symbol(), p);
    byOrder.values().removeIf(x -> x == p);
    engine.stats.arbitragePair(result);
    engine.publisher.onArbitrageOutcome(out);
  }

  private static String describe(OrderRequest r) {
    return (r.side() == Side.BUY ? "buy " : "sell ") + r.instrument().exchange();
  }
}
