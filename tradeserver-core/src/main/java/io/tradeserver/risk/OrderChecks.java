package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Per-order checks against the venue's rules, the configured caps and the market: each returns true
 * to pass or records a {@link Denial} in the result and returns false. Arithmetic is exact and
 * overflow throws {@link ArithmeticException}, which the risk engine turns into {@code
 * NOTIONAL_OVERFLOW}. The limit-order path does not allocate. Engine thread only.
 */
final class OrderChecks {
  private OrderChecks() {}

  /**
   * Price &gt; 0 and on the tick, quantity &gt; 0 and on the step, the venue's min/max quantity
   * (market max for market orders) and the configured quantity cap. With {@code roundToRules} the
   * quantity is rounded down to the step and the price to the tick toward the passive side instead
   * of refusing; the change is recorded as the result's adjustment.
   */
  static boolean venueRules(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    if (o.type() != OrderType.MARKET && !price(r, l, o.price(), in)) {
      return false;
    }
    o = r.order;
    if (o.quantity() == null) {
      return o.quoteQuantity().isPositive()
          || r.deny(
              RejectCode.QUANTITY_NOT_POSITIVE, "quoteQuantity=" + Amounts.show(o.quoteQuantity()));
    }
    Quantity q = o.quantity();
    if (!q.isPositive()) {
      return r.deny(RejectCode.QUANTITY_NOT_POSITIVE, "quantity=" + q);
    }
    if (q.scale() != in.quantityScale() || !q.isMultipleOf(in.stepSize())) {
      Quantity fixed;
      if (q.isMultipleOf(in.stepSize())) {
        fixed = q.withScale(in.quantityScale()); // same value, the venue's decimals
      } else if (l.round) {
        fixed =
            q.roundDownToStep(in.stepSize())
                .withScale(in.quantityScale(), RoundingMode.UNNECESSARY);
        r.adjust(copy(o, o.price(), fixed), "quantity " + q + " -> " + fixed);
      } else {
        return r.deny(RejectCode.QUANTITY_NOT_ON_STEP, "quantity=" + q + " step=" + in.stepSize());
      }
      if (r.order == o) {
        r.order = copy(o, o.price(), fixed);
      }
      q = fixed;
    }
    if (q.isZero() || q.compareTo(in.minQuantity()) < 0) {
      return r.deny(RejectCode.QUANTITY_BELOW_MIN, "quantity=" + q + " min=" + in.minQuantity());
    }
    boolean marketMax = o.type() == OrderType.MARKET && in.marketMaxQuantity() != null;
    Quantity max = marketMax ? in.marketMaxQuantity() : in.maxQuantity();
    if (max != null && q.compareTo(max) > 0) {
      return r.deny(
          RejectCode.QUANTITY_ABOVE_MAX,
          "quantity=" + q + (marketMax ? " marketMax=" : " max=") + max);
    }
    if (q.units() > l.maxOrderQuantity) {
      return r.deny(
          RejectCode.ORDER_QUANTITY_ABOVE_LIMIT,
          "limit=" + Amounts.show(l.source.maxOrderQuantity()) + " quantity=" + q);
    }
    return true;
  }

  private static boolean price(RiskResult r, ResolvedLimits l, Price p, Instrument in) {
    if (!p.isPositive()) {
      return r.deny(RejectCode.PRICE_NOT_POSITIVE, "price=" + p);
    }
    if (p.scale() == in.priceScale() && p.isMultipleOf(in.tickSize())) {
      return true;
    }
    OrderRequest o = r.order;
    if (p.isMultipleOf(in.tickSize())) {
      r.order = copy(o, p.withScale(in.priceScale()), o.quantity()); // same value
      return true;
    }
    Price rounded = p.roundToTick(in.tickSize(), o.side());
    if (!l.round || !rounded.isPositive()) {
      return r.deny(RejectCode.PRICE_NOT_ON_TICK, "price=" + p + " tick=" + in.tickSize());
    }
    rounded = rounded.withScale(in.priceScale(), RoundingMode.UNNECESSARY);
    r.adjust(copy(o, rounded, o.quantity()), "price " + p + " -> " + rounded);
    return true;
  }

  /**
   * The venue's min/max notional and the configured notional cap, at a reference price (the limit
   * price, or mid for market orders) given as units at a scale. A notional is rounded down for the
   * minimum and up for the maxima, so a rounding never lets an order past a limit.
   */
  static boolean notional(RiskResult r, ResolvedLimits l, long refUnits, int refScale) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    int ns = in.notionalScale();
    long low;
    long high;
    if (o.quantity() == null) {
      Quantity qq = o.quoteQuantity();
      low = Decimals.rescale(qq.units(), qq.scale(), ns, RoundingMode.FLOOR);
      high = Decimals.rescale(qq.units(), qq.scale(), ns, RoundingMode.CEILING);
    } else {
      Quantity q = o.quantity();
      low = Decimals.multiply(refUnits, refScale, q.units(), q.scale(), ns, RoundingMode.FLOOR);
      high = Decimals.multiply(refUnits, refScale, q.units(), q.scale(), ns, RoundingMode.CEILING);
    }
    Quantity min = in.minNotional();
    if (Decimals.compare(low, ns, min.units(), min.scale()) < 0) {
      return r.deny(
          RejectCode.NOTIONAL_BELOW_MIN,
          "notional=" + Amounts.show(low, ns, in.priceScale()) + " min=" + Amounts.show(min));
    }
    Quantity max = in.maxNotional();
    if (max != null && Decimals.compare(high, ns, max.units(), max.scale()) > 0) {
      return r.deny(
          RejectCode.NOTIONAL_ABOVE_MAX,
          "notional=" + Amounts.show(high, ns, in.priceScale()) + " max=" + Amounts.show(max));
    }
    if (high > l.maxOrderNotional) {
      return r.deny(
          RejectCode.NOTIONAL_ABOVE_LIMIT,
          "limit="
              + Amounts.show(l.source.maxOrderNotional())
              + " notional="
              + Amounts.show(high, ns, in.priceScale()));
    }
    return true;
  }

  /** A fresh two-sided book, or a denial (fail closed). */
  static boolean freshReference(RiskResult r, ResolvedLimits l, OrderBook book, long now) {
    if (book == null || !book.isTwoSided()) {
      return r.deny(
          RejectCode.NO_REFERENCE_PRICE, "no two-sided book for " + r.order.instrumentId());
    }
    long age = now - book.updatedNanos();
    if (age > l.staleNanos) {
      return r.deny(
          RejectCode.STALE_MARKET_DATA,
          "age=" + Amounts.show(age, 6, 0) + "ms limit=" + Amounts.show(l.staleNanos, 6, 0) + "ms");
    }
    return true;
  }

  /** A limit price within {@code collarBps} of mid: |2p − (bid+ask)| × 10000 ≤ bps × (bid+ask). */
  static boolean collar(RiskResult r, ResolvedLimits l, OrderBook book) {
    if (l.collarBps < 0) {
      return true;
    }
    Price price = r.order.price();
    int s = Math.max(price.scale(), book.priceScale());
    long p = Decimals.rescale(price.units(), price.scale(), s);
    long twoMid = Decimals.rescale(book.midUnitsTimesTwo(), book.priceScale(), s);
    long diff = Math.abs(Math.subtractExact(Math.multiplyExact(2, p), twoMid));
    if (Decimals.compareProducts(diff, 10_000, l.collarBps, twoMid) <= 0) {
      return true;
    }
    return r.deny(
        RejectCode.PRICE_OUTSIDE_COLLAR,
        "price="
            + price
            + " mid="
            + mid(book)
            + " deviationBps="
            + bps(BigInteger.valueOf(diff), BigInteger.valueOf(twoMid))
            + " limitBps="
            + l.collarBps);
  }

  /**
   * Market order: the VWAP to fill it from the local book must be within {@code bps} of mid, and
   * the book must be deep enough. On success the order gets a protection price of mid ± bps,
   * rounded toward mid (down for a buy, up for a sell) to the tick, so it can never fill worse than
   * allowed.
   */
  static boolean slippage(RiskResult r, OrderBook book, int bps) {
    OrderRequest o = r.order;
    if (o.quantity() == null) {
      return true; // quote-sized: the venue caps the spend; no protection price can be derived
    }
    Side side = o.side();
    long q = o.quantity().unitsAt(book.quantityScale());
    long cost = book.takeCost(side, q);
    if (cost < 0) {
      Side hit = side.opposite();
      return r.deny(
          RejectCode.INSUFFICIENT_DEPTH,
          "quantity="
              + o.quantity()
              + " depth="
              + Quantity.of(book.quantityWithin(hit, book.depth(hit)), book.quantityScale()));
    }
    long twoMid = book.midUnitsTimesTwo();
    BigInteger twoCost = BigInteger.valueOf(cost).shiftLeft(1);
    BigInteger twoMidQ = BigInteger.valueOf(twoMid).multiply(BigInteger.valueOf(q));
    BigInteger worse = side == Side.BUY ? twoCost.subtract(twoMidQ) : twoMidQ.subtract(twoCost);
    if (worse
            .multiply(BigInteger.valueOf(10_000))
            .compareTo(twoMidQ.multiply(BigInteger.valueOf(bps)))
        > 0) {
      return r.deny(
          RejectCode.SLIPPAGE_ABOVE_LIMIT,
          "vwap="
              + Amounts.show(book.vwap(side, o.quantity()))
              + " mid="
              + mid(book)
              + " expectedBps="
              + bps(worse, twoMidQ)
              + " limitBps="
              + bps);
    }
    Instrument in = o.instrument();
    long edge =
        Decimals.multiplyDivide(
            twoMid,
            10_000L + (side == Side.BUY ? bps : -bps),
            20_000L,
            side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
    Price protection =
        Price.of(edge, book.priceScale())
            .roundToTick(in.tickSize(), side)
            .withScale(in.priceScale(), RoundingMode.UNNECESSARY);
    if (!protection.isPositive()) {
      protection = in.tickSize().withScale(in.priceScale());
    }
    r.adjust(
        new OrderRequest(
            o.clientOrderId(),
            in,
            side,
            o.type(),
            o.timeInForce(),
            null,
            o.quantity(),
            null,
            protection,
            o.signalId(),
            o.strategy(),
            o.createdNanos()),
        "protection " + protection);
    return true;
  }

  /** The mid for details: at the book's price decimals, one more when it falls between ticks. */
  static String mid(OrderBook book) {
    return Amounts.show(
        Math.multiplyExact(book.midUnitsTimesTwo(), 5L), book.priceScale() + 1, book.priceScale());
  }

  /** {@code part / whole × 10000} with two decimals, rounded up (a denial never understates). */
  private static String bps(BigInteger part, BigInteger whole) {
    return new BigDecimal(part.multiply(BigInteger.valueOf(10_000)))
        .divide(new BigDecimal(whole), 2, RoundingMode.CEILING)
        .toPlainString();
  }

  static OrderRequest copy(OrderRequest o, Price price, Quantity quantity) {
    return new OrderRequest(
        o.clientOrderId(),
        o.instrument(),
        o.side(),
        o.type(),
        o.timeInForce(),
        price,
        quantity,
        o.quoteQuantity(),
        o.protectionPrice(),
        o.signalId(),
        o.strategy(),
        o.createdNanos());
  }
}
