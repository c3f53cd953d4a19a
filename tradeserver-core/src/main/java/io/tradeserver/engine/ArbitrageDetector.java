package io.tradeserver.engine;

import io.tradeserver.engine.ArbitrageOpportunity.Limit;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.order.OpenExposure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the same symbol's books across venues (engine thread, on every book update). For each
 * ordered pair (buy on A, sell on B) it first compares B's best bid with A's best ask — exact, no
 * allocation — and only when they cross walks both books level by level while the marginal unit
 * still earns more than both taker fees plus the threshold, capped by the quote available on A and
 * the base available on B (holdings minus what our open orders reserve). The size is rounded down
 * to both venues' steps and must meet both venues' minimums; the profit is then recomputed exactly
 * for that size. A persisting opportunity is published again at most every {@code minInterval}.
 * Disabled venues and stale or one-sided books are ignored.
 */
final class ArbitrageDetector {
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
  private final Engine engine;
  private final ArbitrageConfig config;
  private final PairExecutor executor;
  private final List<VenueState> venues;
  private final long staleNanos;
  private final long minIntervalNanos;
  private final BigDecimal threshold;
  private final Map<String, long[][]> lastPublished = new HashMap<>();
  private long sequence;

  ArbitrageDetector(Engine engine, ArbitrageConfig config, PairExecutor executor, long staleNanos) {
    this.engine = engine;
    this.config = config;
    this.executor = executor;
    this.venues =
        engine.venues.values().stream()
            .filter(v -> config.venues().isEmpty() || config.venues().contains(v.id))
            .toList();
    this.staleNanos = staleNanos;
    this.minIntervalNanos = config.minInterval().toNanos();
    this.threshold = config.thresholdBps().divide(BPS);
  }

  void onBook(VenueState changed, OrderBook book, long now) {
    String symbol = book.instrumentId().symbol();
    if (!config.symbols().isEmpty() && !config.symbols().contains(symbol)) {
      return;
    }
    int c = venues.indexOf(changed);
    if (c < 0) {
      return; // not a compared venue
    }
    for (int i = 0; i < venues.size(); i++) {
      if (i != c) {
        check(c, i, symbol, now);
        check(i, c, symbol, now);
      }
    }
  }

  private void check(int buy, int sell, String symbol, long now) {
    VenueState va = venues.get(buy);
    VenueState vb = venues.get(sell);
    OrderBook a = usable(va, symbol, now);
    OrderBook b = usable(vb, symbol, now);
    long[][] last = lastPublished.get(symbol);
    boolean active = last != null && last[buy][sell] != Long.MIN_VALUE;
    if (a == null || b == null || !crossed(a, b)) {
      if (active) {
        last[buy][sell] = Long.MIN_VALUE; // over: the next one is published at once
      }
      return;
    }
    if (active && now - last[buy][sell] < minIntervalNanos) {
      return; // still crossed and published recently: not even evaluated
    }
    ArbitrageOpportunity o = evaluate(va, a, vb, b, symbol, now);
    if (o == null) {
      if (active) {
        last[buy][sell] = Long.MIN_VALUE;
      }
      return;
    }
    if (last == null) {
      last = new long[venues.size()][venues.size()];
      for (long[] row : last) {
        Arrays.fill(row, Long.MIN_VALUE);
      }
      lastPublished.put(symbol, last);
    }
    last[buy][sell] = now;
    sequence++;
    engine.stats.arbitrageOpportunity(symbol);
    engine.publisher.onArbitrage(o);
    if (executor != null) {
      executor.execute(o);
    }
  }

  private OrderBook usable(VenueState v, String symbol, long now) {
    Instrument in = v.instrument(symbol);
    if (in == null || !in.tradable() || !v.trades(symbol) || engine.risk.isVenueDisabled(v.id)) {
      return null;
    }
    OrderBook b = v.books.get(in.id());
    return b == null || !b.isTwoSided() || now - b.updatedNanos() > staleNanos ? null : b;
  }

  private static boolean crossed(OrderBook a, OrderBook b) {
    return Decimals.compare(
            b.priceAt(Side.BUY, 0), b.priceScale(), a.priceAt(Side.SELL, 0), a.priceScale())
        > 0;
  }

  private ArbitrageOpportunity evaluate(
      VenueState va, OrderBook a, VenueState vb, OrderBook b, String symbol, long now) {
    Instrument ia = va.instrument(symbol);
    Instrument ib = vb.instrument(symbol);
    BigDecimal feeA = va.takerFeeBps.movePointLeft(4);
    BigDecimal feeB = vb.takerFeeBps.movePointLeft(4);
    Walk w =
        walk(
            a,
            b,
            feeA,
            feeB,
            available(va.id, ia.id().quote(), true),
            available(vb.id, ib.id().base(), false));
    BigDecimal q = roundDown(w.quantity, commonStep(ia, ib));
    if (q.signum() <= 0
        || q.compareTo(ia.minQuantity().toBigDecimal()) < 0
        || q.compareTo(ib.minQuantity().toBigDecimal()) < 0) {
      return null;
    }
    long qa = Quantity.parse(q.toPlainString()).unitsAt(ia.quantityScale());
    long qb = Quantity.parse(q.toPlainString()).unitsAt(ib.quantityScale());
    BigDecimal cost =
        BigDecimal.valueOf(a.takeCost(Side.BUY, qa), a.priceScale() + ia.quantityScale());
    BigDecimal proceeds =
        BigDecimal.valueOf(b.takeCost(Side.SELL, qb), b.priceScale() + ib.quantityScale());
    if (cost.compareTo(ia.minNotional().toBigDecimal()) < 0
        || proceeds.compareTo(ib.minNotional().toBigDecimal()) < 0) {
      return null;
    }
    BigDecimal profit =
        proceeds
            .multiply(BigDecimal.ONE.subtract(feeB))
            .subtract(cost.multiply(BigDecimal.ONE.add(feeA)));
    BigDecimal netBps = profit.multiply(BPS).divide(cost, 4, RoundingMode.HALF_EVEN);
    if (netBps.compareTo(config.thresholdBps()) <= 0) {
      return null;
    }
    Price ask = a.bestAsk();
    Price bid = b.bestBid();
    BigDecimal gross =
        bid.toBigDecimal()
            .subtract(ask.toBigDecimal())
            .multiply(BPS)
            .divide(ask.toBigDecimal(), 4, RoundingMode.HALF_EVEN);
    int scale = Math.max(a.priceScale(), b.priceScale()) + 4;
    return new ArbitrageOpportunity(
        sequence + 1,
        symbol,
        va.id,
        vb.id,
        ask,
        bid,
        Quantity.of(qa, ia.quantityScale()),
        cost.divide(q, scale, RoundingMode.HALF_EVEN),
        proceeds.divide(q, scale, RoundingMode.HALF_EVEN),
        worst(a, Side.SELL, qa),
        worst(b, Side.BUY, qb),
        gross,
        netBps,
        profit.setScale(Math.max(8, ia.notionalScale()), RoundingMode.HALF_EVEN),
        ia.id().quote(),
        w.limitedBy,
        now);
  }

  private record Walk(BigDecimal quantity, Limit limitedBy) {}

  /**
   * Takes A's asks against B's bids while the marginal unit earns more than fees and threshold,
   * within the balance caps (null = venue never reported balances: not capped).
   */
  private Walk walk(
      OrderBook a,
      OrderBook b,
      BigDecimal feeA,
      BigDecimal feeB,
      BigDecimal quoteCap,
      BigDecimal baseCap) {
    int s = Math.max(a.quantityScale(), b.quantityScale());
    int i = 0;
    int j = 0;
    long remA = Decimals.rescale(a.quantityAt(Side.SELL, 0), a.quantityScale(), s);
    long remB = Decimals.rescale(b.quantityAt(Side.BUY, 0), b.quantityScale(), s);
    BigDecimal qty = BigDecimal.ZERO;
    while (true) {
      BigDecimal pa = BigDecimal.valueOf(a.priceAt(Side.SELL, i), a.priceScale());
      BigDecimal pb = BigDecimal.valueOf(b.priceAt(Side.BUY, j), b.priceScale());
      BigDecimal buyUnit = pa.multiply(BigDecimal.ONE.add(feeA));
      BigDecimal edge = pb.multiply(BigDecimal.ONE.subtract(feeB)).subtract(buyUnit);
      if (edge.compareTo(pa.multiply(threshold)) <= 0) {
        return new Walk(qty, Limit.BOOK_DEPTH);
      }
      BigDecimal take = BigDecimal.valueOf(Math.min(remA, remB), s);
      if (quoteCap != null) {
        BigDecimal affordable = quoteCap.divide(buyUnit, s, RoundingMode.DOWN);
        if (affordable.compareTo(take) < 0) {
          return new Walk(qty.add(affordable), Limit.BUY_BALANCE);
        }
        quoteCap = quoteCap.subtract(take.multiply(buyUnit));
      }
      if (baseCap != null) {
        if (baseCap.compareTo(take) < 0) {
          return new Walk(qty.add(baseCap.setScale(s, RoundingMode.DOWN)), Limit.SELL_BALANCE);
        }
        baseCap = baseCap.subtract(take);
      }
      qty = qty.add(take);
      long t = take.unscaledValue().longValueExact();
      remA -= t;
      remB -= t;
      if (remA == 0 && ++i < a.depth(Side.SELL)) {
        remA = Decimals.rescale(a.quantityAt(Side.SELL, i), a.quantityScale(), s);
      }
      if (remB == 0 && ++j < b.depth(Side.BUY)) {
        remB = Decimals.rescale(b.quantityAt(Side.BUY, j), b.quantityScale(), s);
      }
      if (i >= a.depth(Side.SELL) || j >= b.depth(Side.BUY)) {
        return new Walk(qty, Limit.BOOK_DEPTH);
      }
    }
  }

  /**
   * What a venue holds of {@code asset} minus what our open orders there reserve (quote for buys,
   * base for sells); null when the venue never reported balances.
   */
  private BigDecimal available(String venue, String asset, boolean quote) {
    Quantity total = engine.balances.total(venue, asset);
    if (total == null) {
      return null;
    }
    BigDecimal left = total.toBigDecimal();
    for (Map.Entry<InstrumentId, OpenExposure.Totals> e :
        engine.orders.exposure().all().entrySet()) {
      InstrumentId id = e.getKey();
      Instrument in = engine.instrument(id);
      if (in == null || !id.exchange().equals(venue)) {
        continue;
      }
      if (quote && id.quote().equals(asset)) {
        left = left.subtract(BigDecimal.valueOf(e.getValue().buyNotional(), in.notionalScale()));
      } else if (!quote && id.base().equals(asset)) {
        left = left.subtract(BigDecimal.valueOf(e.getValue().sellUnits(), in.quantityScale()));
      }
    }
    return left.max(BigDecimal.ZERO);
  }

  /** The price of the level where taking {@code qtyUnits} from {@code side} ends. */
  private static Price worst(OrderBook book, Side side, long qtyUnits) {
    long seen = 0;
    int i = 0;
    for (; i < book.depth(side) - 1; i++) {
      seen += book.quantityAt(side, i);
      if (seen >= qtyUnits) {
        break;
      }
    }
    return Price.of(book.priceAt(side, i), book.priceScale());
  }

  /** The smallest quantity increment valid on both venues. */
  static BigDecimal commonStep(Instrument a, Instrument b) {
    BigDecimal sa = a.stepSize().toBigDecimal();
    BigDecimal sb = b.stepSize().toBigDecimal();
    BigDecimal big = sa.max(sb);
    BigDecimal small = sa.min(sb);
    return big.remainder(small).signum() == 0 ? big : sa.multiply(sb, MathContext.DECIMAL128);
  }

  static BigDecimal roundDown(BigDecimal q, BigDecimal step) {
    return q.divide(step, 0, RoundingMode.DOWN).multiply(step).stripTrailingZeros();
  }
}
