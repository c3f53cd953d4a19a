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
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Per-order checks against the venue's rules, the configured caps and the market: each returns true
 * to pass or records a {@link Denial} in the result and returns false. Engine thread only.
 */
final class OrderChecks {
  private OrderChecks() {}

  /** Tick, step, min/max quantity; rounds instead of refusing when configured. */
  static boolean venueRules(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    if (o.type() != OrderType.MARKET) {
      Price p = o.price();
      if (!p.isPositive()) {
        return r.deny(RejectCode.PRICE_NOT_POSITIVE, "price=" + p);
      }
      if (!p.isMultipleOf(in.tickSize()) || p.scale() > in.priceScale()) {
        Price rounded = p.roundToTick(in.tickSize(), o.side());
        if (!l.round || !rounded.isPositive()) {
          return r.deny(RejectCode.PRICE_NOT_ON_TICK, "price=" + p + " tick=" + in.tickSize());
        }
        rounded = rounded.withScale(in.priceScale(), RoundingMode.UNNECESSARY);
        r.adjust(copy(o, rounded, o.quantity()), "price " + p + " -> " + rounded);
        o = r.order;
      }
    }
    if (o.quantity() == null) {
      return o.quoteQuantity().isPositive()
          || r.deny(RejectCode.QUANTITY_NOT_POSITIVE, "quoteQuantity=" + o.quoteQuantity());
    }
    Quantity q = o.quantity();
    if (!q.isPositive()) {
      return r.deny(RejectCode.QUANTITY_NOT_POSITIVE, "quantity=" + q);
    }
    if (!q.isMultipleOf(in.stepSize()) || q.scale() > in.quantityScale()) {
      Quantity rounded = q.roundDownToStep(in.stepSize());
      if (!l.round) {
        return r.deny(RejectCode.QUANTITY_NOT_ON_STEP, "quantity=" + q + " step=" + in.stepSize());
      }
      rounded = rounded.withScale(in.quantityScale(), RoundingMode.UNNECESSARY);
      r.adjust(copy(o, o.price(), rounded), "quantity " + q + " -> " + rounded);
      o = r.order;
      q = rounded;
    }
    if (q.compareTo(in.minQuantity()) < 0 || q.isZero()) {
      return r.deny(RejectCode.QUANTITY_BELOW_MIN, "quantity=" + q + " min=" + in.minQuantity());
    }
    Quantity max =
        o.type() == OrderType.MARKET && in.marketMaxQuantity() != null
            ? in.marketMaxQuantity()
            : in.maxQuantity();
    if (max != null && q.compareTo(max) > 0) {
      return r.deny(RejectCode.QUANTITY_ABOVE_MAX, "quantity=" + q + " max=" + max);
    }
    if (q.unitsAt(in.quantityScale()) > l.maxOrderQuantity) {
      return r.deny(
          RejectCode.ORDER_QUANTITY_ABOVE_LIMIT,
          "limit=" + l.source.maxOrderQuantity().toPlainString() + " quantity=" + q);
    }
    return true;
  }

  /**
   * Venue min/max notional and the configured notional cap, at {@code reference} (the limit price,
   * or mid for market orders). Overflow is a denial, never a wrap.
   */
  static boolean notional(RiskResult r, ResolvedLimits l, Price reference) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    Quantity n;
    try {
      n =
          o.quantity() == null
              ? o.quoteQuantity()
              : reference.times(o.quantity(), in.notionalScale(), RoundingMode.HALF_EVEN);
    } catch (ArithmeticException e) {
      return r.deny(
          RejectCode.NOTIONAL_OVERFLOW, "price=" + reference + " quantity=" + o.quantity());
    }
    if (n.compareTo(in.minNotional()) < 0) {
      return r.deny(RejectCode.NOTIONAL_BELOW_MIN, "notional=" + n + " min=" + in.minNotional());
    }
    if (in.maxNotional() != null && n.compareTo(in.maxNotional()) > 0) {
      return r.deny(RejectCode.NOTIONAL_ABOVE_MAX, "notional=" + n + " max=" + in.maxNotional());
    }
    if (n.withScale(in.notionalScale(), RoundingMode.CEILING).units() > l.maxOrderNotional) {
      return r.deny(
          RejectCode.NOTIONAL_ABOVE_LIMIT,
          "limit=" + l.source.maxOrderNotional().toPlainString() + " notional=" + n);
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
          "age=" + age / 1_000_000 + "ms limit=" + l.staleNanos / 1_000_000 + "ms");
    }
    return true;
  }

  /** A limit price within {@code collarBps} of mid: |2p − (bid+ask)| × 10000 ≤ bps × (bid+ask). */
  static boolean collar(RiskResult r, ResolvedLimits l, OrderBook book) {
    if (l.collarBps < 0) {
      return true;
    }
    OrderRequest o = r.order;
    long twoMid = book.midUnitsTimesTwo();
    long p = o.price().unitsAt(book.priceScale());
    long diff = Math.abs(Math.subtractExact(Math.multiplyExact(2, p), twoMid));
    if (Decimals.compareProducts(diff, 10_000, l.collarBps, twoMid) > 0) {
      return r.deny(
          RejectCode.PRICE_OUTSIDE_COLLAR,
          "price=" + o.price() + " mid=" + book.mid() + " collarBps=" + l.collarBps);
    }
    return true;
  }

  /**
   * Market order: the book's VWAP to fill must be within {@code bps} of mid; the order gets a
   * protection price of mid ± bps, rounded to the tick toward mid.
   */
  static boolean slippage(RiskResult r, OrderBook book, int bps) {
    OrderRequest o = r.order;
    if (o.quantity() == null) {
      return true; // quote-sized: the venue caps the spend
    }
    long q = o.quantity().unitsAt(book.quantityScale());
    long cost = book.takeCost(o.side(), q);
    if (cost < 0) {
      return r.deny(
          RejectCode.INSUFFICIENT_DEPTH, "quantity=" + o.quantity() + " exceeds book depth");
    }
    BigInteger twoCost = BigInteger.valueOf(cost).shiftLeft(1);
    BigInteger twoMidQ =
        BigInteger.valueOf(book.midUnitsTimesTwo()).multiply(BigInteger.valueOf(q));
    BigInteger worse = o.side() == Side.BUY ? twoCost.subtract(twoMidQ) : twoMidQ.subtract(twoCost);
    if (worse
            .multiply(BigInteger.valueOf(10_000))
            .compareTo(twoMidQ.multiply(BigInteger.valueOf(bps)))
        > 0) {
      return r.deny(
          RejectCode.SLIPPAGE_ABOVE_LIMIT,
          "expectedBps="
              + worse.multiply(BigInteger.valueOf(10_000)).divide(twoMidQ)
              + " limitBps="
              + bps);
    }
    Instrument in = o.instrument();
    long twoMid = book.midUnitsTimesTwo();
    long limitTimesTwo =
        Decimals.multiplyDivide(
            twoMid, 10_000L + (o.side() == Side.BUY ? bps : -bps), 10_000L, RoundingMode.DOWN);
    Price protection =
        Price.of(limitTimesTwo * 5, book.priceScale() + 1)
            .roundToTick(in.tickSize(), o.side())
            .withScale(in.priceScale(), RoundingMode.UNNECESSARY);
    r.adjust(
        new OrderRequest(
            o.clientOrderId(),
            in,
            o.side(),
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
