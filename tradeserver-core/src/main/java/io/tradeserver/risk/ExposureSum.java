package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Side;
import io.tradeserver.order.OpenExposure;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.PositionState;
import io.tradeserver.position.PositionTracker;
import java.math.RoundingMode;

/**
 * Sums exposure in one quote currency for the order's venue and for all venues, with and without
 * the order, over every instrument with a position or open orders (the tracker's and the order
 * manager's own lists of those, so the cost grows with what is held and working, not with how many
 * instruments the venues list). Each instrument counts at its worst case: position plus all open
 * buys, or position minus all open sells, valued at the book's mid (else the position's last mark,
 * else its average cost). Reused for every check; does not allocate. Engine thread only.
 */
final class ExposureSum {
  static final int GROSS_WITHOUT = 0;
  static final int GROSS_WITH = 1;
  static final int LONG_WITHOUT = 2;
  static final int LONG_WITH = 3;
  static final int SHORT_WITHOUT = 4;
  static final int SHORT_WITH = 5;

  private final OrderManager orders;
  private final PositionTracker positions;
  private final MarketView market;

  /** Sums on the order's venue, indexed by the constants above (exposure units). */
  final long[] venue = new long[6];

  /** Sums across venues. */
  final long[] total = new long[6];

  private InstrumentId orderId;
  private long orderBuy;
  private long orderSell;
  // The mark of the instrument being added: units at a scale, possibly twice the mid.
  private long markUnits;
  private int markScale;
  private boolean markTwice;

  ExposureSum(OrderManager orders, PositionTracker positions, MarketView market) {
    this.orders = orders;
    this.positions = positions;
    this.market = market;
  }

  void compute(OrderRequest o) {
    java.util.Arrays.fill(venue, 0);
    java.util.Arrays.fill(total, 0);
    orderId = o.instrumentId();
    long q = o.quantity().unitsAt(o.instrument().quantityScale());
    orderBuy = o.side() == Side.BUY ? q : 0;
    orderSell = o.side() == Side.SELL ? q : 0;
    String quote = orderId.quote();
    OpenExposure open = orders.exposure();
    boolean orderCounted = false;
    for (int i = 0, n = positions.held(); i < n; i++) {
      PositionState p = positions.heldAt(i);
      Instrument in = p.instrument();
      if (quote.equals(in.id().quote())) {
        orderCounted |= include(in, p, open.of(in.id()));
      }
    }
    for (int i = 0, n = open.openInstruments(); i < n; i++) {
      OpenExposure.Totals t = open.openAt(i);
      InstrumentId id = t.instrument().id();
      if (quote.equals(id.quote()) && positions.quantityUnits(id) == 0) { // held: counted above
        orderCounted |= include(t.instrument(), positions.get(id), t);
      }
    }
    if (!orderCounted) {
      include(o.instrument(), positions.get(orderId), open.of(orderId));
    }
  }

  /** Adds one instrument when it can be valued; returns whether it is the order's. */
  private boolean include(Instrument in, PositionState p, OpenExposure.Totals t) {
    boolean isOrder = in.id().equals(orderId);
    if (mark(in, p)) {
      long pos = p == null ? 0 : p.quantityUnits();
      add(in.id(), isOrder, in.quantityScale(), pos, t.buyUnits(), t.sellUnits());
    }
    return isOrder;
  }

  /** Sets the mark: the book's mid, else the position's last mark, else its average cost. */
  private boolean mark(Instrument in, PositionState p) {
    OrderBook b = market.book(in.id());
    if (b != null && b.isTwoSided()) {
      set(b.midUnitsTimesTwo(), b.priceScale(), true);
      return true;
    }
    if (p == null || p.quantityUnits() == 0) {
      return false; // only open orders and no price: cannot be valued
    }
    Price m = p.mark();
    if (m != null) {
      set(m.units(), m.scale(), false);
    } else { // average cost, as price units at the notional scale
      set(
          Math.abs(
              Decimals.multiplyDivide(
                  p.costUnits(),
                  Decimals.pow10(in.quantityScale()),
                  p.quantityUnits(),
                  RoundingMode.HALF_EVEN)),
          in.notionalScale(),
          false);
    }
    return true;
  }

  private void set(long units, int scale, boolean twice) {
    markUnits = units;
    markScale = scale;
    markTwice = twice;
  }

  private void add(InstrumentId id, boolean isOrder, int qs, long pos, long buys, long sells) {
    long longSide = Math.addExact(pos, buys);
    long shortSide = Math.subtractExact(pos, sells);
    long longWith = isOrder ? Math.addExact(longSide, orderBuy) : longSide;
    long shortWith = isOrder ? Math.subtractExact(shortSide, orderSell) : shortSide;
    long gWithout = value(Math.max(Math.abs(longSide), Math.abs(shortSide)), qs);
    long gWith = value(Math.max(Math.abs(longWith), Math.abs(shortWith)), qs);
    long lWithout = value(longSide, qs);
    long lWith = value(longWith, qs);
    long sWithout = value(shortSide, qs);
    long sWith = value(shortWith, qs);
    boolean onVenue = id.exchange().equals(orderId.exchange());
    for (int k = 0; k < (onVenue ? 2 : 1); k++) {
      long[] s = k == 0 ? total : venue;
      s[GROSS_WITHOUT] = Math.addExact(s[GROSS_WITHOUT], gWithout);
      s[GROSS_WITH] = Math.addExact(s[GROSS_WITH], gWith);
      s[LONG_WITHOUT] = Math.addExact(s[LONG_WITHOUT], lWithout);
      s[LONG_WITH] = Math.addExact(s[LONG_WITH], lWith);
      s[SHORT_WITHOUT] = Math.addExact(s[SHORT_WITHOUT], sWithout);
      s[SHORT_WITH] = Math.addExact(s[SHORT_WITH], sWith);
    }
  }

  /** Signed quantity × mark in exposure units. */
  private long value(long qtyUnits, int qs) {
    long v =
        Decimals.multiply(
            markUnits,
            markScale,
            qtyUnits,
            qs,
            ResolvedLimits.EXPOSURE_SCALE,
            RoundingMode.HALF_EVEN);
    return markTwice ? Decimals.divide(v, 2, RoundingMode.HALF_EVEN) : v;
  }

  static long net(long[] s, boolean withOrder) {
    long l = Math.abs(s[withOrder ? LONG_WITH : LONG_WITHOUT]);
    long sh = Math.abs(s[withOrder ? SHORT_WITH : SHORT_WITHOUT]);
    return Math.max(l, sh);
  }
}
