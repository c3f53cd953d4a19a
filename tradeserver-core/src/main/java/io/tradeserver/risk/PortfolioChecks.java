package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.order.OpenExposure;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionTracker;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Checks against what we already hold and have working: reduce-only, projected position, gross and
 * net exposure per venue and in total, open-order counts and free balance. Open orders count on the
 * side they would move things (projected, worst case). Reads the order manager's incremental totals
 * and the position tracker without allocating. Engine thread only.
 */
final class PortfolioChecks {
  private final OrderManager orders;
  private final PositionTracker positions;
  private final BalanceLedger balances;
  private final MarketView market;

  private final ExposureSum sum;

  PortfolioChecks(
      OrderManager orders, PositionTracker positions, BalanceLedger balances, MarketView market) {
    this.orders = orders;
    this.positions = positions;
    this.balances = balances;
    this.market = market;
    this.sum = new ExposureSum(orders, positions, market);
  }

  /**
   * True when the order only brings the position toward zero: counting open orders on the same side
   * unless {@code countOpenOrders} is false (the kill switch, which is canceling them).
   */
  boolean reduces(OrderRequest o, boolean countOpenOrders) {
    if (o.quantity() == null) {
      return false;
    }
    long pos = positions.quantityUnits(o.instrumentId());
    long q = o.quantity().unitsAt(o.instrument().quantityScale());
    OpenExposure.Totals t = orders.exposure().of(o.instrumentId());
    long open = countOpenOrders ? (o.side() == Side.BUY ? t.buyUnits() : t.sellUnits()) : 0;
    return o.side() == Side.BUY
        ? pos < 0 && Math.addExact(open, q) <= -pos
        : pos > 0 && Math.addExact(open, q) <= pos;
  }

  String reduceDetail(OrderRequest o) {
    Instrument in = o.instrument();
    OpenExposure.Totals t = orders.exposure().of(in.id());
    int qs = in.quantityScale();
    return "state=REDUCING position="
        + Quantity.of(positions.quantityUnits(in.id()), qs)
        + " openBuy="
        + Quantity.of(t.buyUnits(), qs)
        + " openSell="
        + Quantity.of(t.sellUnits(), qs)
        + " order="
        + o.side()
        + " "
        + (o.quantity() != null ? o.quantity() : "quote " + o.quoteQuantity());
  }

  /** |position + open orders on the order's side + the order| ≤ maxPosition. */
  boolean position(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    if (o.quantity() == null || l.maxPosition == Long.MAX_VALUE) {
      return true; // quote-sized orders are capped by their notional
    }
    Instrument in = o.instrument();
    long q = o.quantity().unitsAt(in.quantityScale());
    long pos = positions.quantityUnits(in.id());
    OpenExposure.Totals t = orders.exposure().of(in.id());
    long projected =
        o.side() == Side.BUY
            ? Math.addExact(Math.addExact(pos, t.buyUnits()), q)
            : Math.subtractExact(Math.subtractExact(pos, t.sellUnits()), q);
    long size = o.side() == Side.BUY ? projected : Math.negateExact(projected);
    if (size <= l.maxPosition) {
      return true;
    }
    return r.deny(
        RejectCode.POSITION_ABOVE_LIMIT,
        "limit="
            + Amounts.show(l.source.maxPosition())
            + " projected="
            + Quantity.of(projected, in.quantityScale()));
  }

  /**
   * Gross (sum of |worst-case position| × mark) and net (|sum of position × mark| on the worse
   * side) exposure per venue and across venues in the order's quote currency. An order that does
   * not increase a measure always passes it, so reducing is never blocked.
   */
  boolean exposure(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    if (o.quantity() == null || !l.hasExposureLimits()) {
      return true;
    }
    sum.compute(o);
    Instrument in = o.instrument();
    return within(r, RejectCode.GROSS_EXPOSURE_ABOVE_LIMIT, l.venueGross, sum.venue, 0, in, true, l)
        && within(r, RejectCode.NET_EXPOSURE_ABOVE_LIMIT, l.venueNet, sum.venue, 1, in, true, l)
        && within(
            r, RejectCode.GROSS_EXPOSURE_ABOVE_LIMIT, l.totalGross, sum.total, 0, in, false, l)
        && within(r, RejectCode.NET_EXPOSURE_ABOVE_LIMIT, l.totalNet, sum.total, 1, in, false, l);
  }

  private static boolean within(
      RiskResult r,
      RejectCode code,
      long limit,
      long[] s,
      int measure,
      Instrument in,
      boolean venue,
      ResolvedLimits l) {
    if (limit < 0) {
      return true;
    }
    long with = measure == 0 ? s[ExposureSum.GROSS_WITH] : ExposureSum.net(s, true);
    long without = measure == 0 ? s[ExposureSum.GROSS_WITHOUT] : ExposureSum.net(s, false);
    if (with <= limit || with <= without) {
      return true;
    }
    BigDecimal configured =
        venue
            ? (measure == 0 ? l.venueSource.maxGrossExposure() : l.venueSource.maxNetExposure())
            : (measure == 0 ? l.totalGrossSource : l.totalNetSource);
    return r.deny(
        code,
        (venue ? in.exchange() : "total")
            + " "
            + in.id().quote()
            + " limit="
            + Amounts.show(configured)
            + " projected="
            + Amounts.show(with, ResolvedLimits.EXPOSURE_SCALE, in.priceScale()));
  }

  /** Open orders on the instrument and on the venue, plus this one, within their limits. */
  boolean openOrders(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    int onInstrument = orders.exposure().of(o.instrumentId()).orders();
    if (onInstrument >= l.maxOpenOrders) {
      return r.deny(
          RejectCode.OPEN_ORDERS_ABOVE_LIMIT,
          o.instrumentId() + " limit=" + l.maxOpenOrders + " open=" + onInstrument);
    }
    String venue = o.instrument().exchange();
    int onVenue = orders.exposure().openOrders(venue);
    if (onVenue >= l.venueMaxOpenOrders) {
      return r.deny(
          RejectCode.OPEN_ORDERS_ABOVE_LIMIT,
          "venue " + venue + " limit=" + l.venueMaxOpenOrders + " open=" + onVenue);
    }
    return true;
  }

  /**
   * The venue's holding of what the order spends (quote for a buy at its limit or protection price,
   * base for a sell) covers the order plus what our open orders already reserve of that asset.
   */
  boolean balance(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    String venue = in.exchange();
    if (!balances.known(venue)) {
      return !l.requireBalances
          || r.deny(
              RejectCode.INSUFFICIENT_BALANCE,
              "balances of " + venue + " unknown (requireBalances)");
    }
    boolean buy = o.side() == Side.BUY;
    String asset = buy ? in.id().quote() : in.id().base();
    int scale = buy ? in.notionalScale() : in.quantityScale();
    long need = buy ? buyCost(o, in) : sellQuantity(o, in);
    long reservedUnits = reserved(venue, asset, scale);
    long total = Math.addExact(need, reservedUnits);
    Quantity have = balances.total(venue, asset);
    if (Decimals.compare(have.units(), have.scale(), total, scale) >= 0) {
      return true;
    }
    return r.deny(
        RejectCode.INSUFFICIENT_BALANCE,
        asset
            + " total="
            + Amounts.show(have)
            + " reserved="
            + Amounts.show(reservedUnits, scale, 0)
            + " order="
            + Amounts.show(need, scale, 0));
  }

  private static long buyCost(OrderRequest o, Instrument in) {
    if (o.quantity() == null) {
      Quantity qq = o.quoteQuantity();
      return Decimals.rescale(qq.units(), qq.scale(), in.notionalScale(), RoundingMode.CEILING);
    }
    Price p = o.price() != null ? o.price() : o.protectionPrice();
    Quantity q = o.quantity();
    return Decimals.multiply(
        p.units(), p.scale(), q.units(), q.scale(), in.notionalScale(), RoundingMode.CEILING);
  }

  private long sellQuantity(OrderRequest o, Instrument in) {
    if (o.quantity() != null) {
      return o.quantity().unitsAt(in.quantityScale());
    }
    OrderBook book = market.book(in.id()); // fresh and two-sided: checked before
    BigDecimal base =
        o.quoteQuantity()
            .toBigDecimal()
            .divide(book.bestBid().toBigDecimal(), in.quantityScale(), RoundingMode.CEILING);
    return base.unscaledValue().longValueExact();
  }

  /** What open orders on one venue reserve of one asset, in units at a scale (rounded up). */
  private long reserved(String venue, String asset, int scale) {
    OpenExposure open = orders.exposure();
    long units = 0;
    for (int i = 0, n = open.openInstruments(); i < n; i++) {
      OpenExposure.Totals t = open.openAt(i);
      Instrument in = t.instrument();
      InstrumentId id = in.id();
      boolean quote = asset.equals(id.quote());
      if (!venue.equals(id.exchange()) || (!quote && !asset.equals(id.base()))) {
        continue;
      }
      units =
          Math.addExact(
              units,
              quote
                  ? Decimals.rescale(
                      t.buyNotional(), in.notionalScale(), scale, RoundingMode.CEILING)
                  : Decimals.rescale(
                      t.sellUnits(), in.quantityScale(), scale, RoundingMode.CEILING));
    }
    return units;
  }
}
