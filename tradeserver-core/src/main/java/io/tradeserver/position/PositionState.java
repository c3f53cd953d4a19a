package io.tradeserver.position;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * One instrument's position with average-cost accounting in exact fixed point: quantity in units at
 * the quantity scale; cost, realized P&L and fees in units at the notional scale. Products are
 * rounded half-even to the notional scale only when it is shorter than price + quantity scale.
 * Mutable; engine thread only.
 */
public final class PositionState {
  private final Instrument instrument;
  private final int qs;
  private final int ns;
  private long quantity;
  private long cost;
  private long realized;
  private long fees;
  private final Map<String, Quantity> otherFees = new HashMap<>(2);
  private Price mark;
  private long fills;
  private long updatedNanos;
  int slot = -1; // index in PositionTracker's list of held positions, -1 when flat

  PositionState(Instrument instrument) {
    this.instrument = instrument;
    this.qs = instrument.quantityScale();
    this.ns = instrument.notionalScale();
  }

  public Instrument instrument() {
    return instrument;
  }

  /** Signed quantity units at the quantity scale. */
  public long quantityUnits() {
    return quantity;
  }

  /** Signed cost units at the notional scale. */
  public long costUnits() {
    return cost;
  }

  public long realizedUnits() {
    return realized;
  }

  public long feeUnits() {
    return fees;
  }

  public Price mark() {
    return mark;
  }

  /** Unrealized P&L units at the notional scale: quantity × mark − cost; 0 without a mark. */
  public long unrealizedUnits() {
    if (mark == null || quantity == 0) {
      return 0;
    }
    return Math.subtractExact(notional(mark, quantity), cost);
  }

  /** |quantity| × mark in notional units, or |cost| when there is no mark. */
  public long exposureUnits() {
    if (quantity == 0) {
      return 0;
    }
    return Math.abs(mark == null ? cost : notional(mark, quantity));
  }

  void mark(Price mid, long now) {
    this.mark = mid;
    this.updatedNanos = now;
  }

  void apply(Fill f) {
    long q = f.quantity().withScale(qs, RoundingMode.HALF_EVEN).units();
    long delta = f.side() == io.tradeserver.model.Side.BUY ? q : -q;
    trade(delta, f.price());
    applyFee(f);
    fills++;
    updatedNanos = f.timeNanos();
  }

  /** Average-cost update for a signed quantity change at a price. */
  private void trade(long delta, Price price) {
    if (quantity == 0 || Long.signum(quantity) == Long.signum(delta)) {
      quantity = Math.addExact(quantity, delta);
      cost = Math.addExact(cost, notional(price, delta));
      return;
    }
    long closing = Math.min(Math.abs(delta), Math.abs(quantity));
    long sign = Long.signum(quantity);
    long costPortion =
        Decimals.multiplyDivide(cost, closing, Math.abs(quantity), RoundingMode.HALF_EVEN);
    long proceeds = notional(price, sign * closing);
    realized = Math.addExact(realized, Math.subtractExact(proceeds, costPortion));
    quantity = Math.subtractExact(quantity, sign * closing);
    cost = quantity == 0 ? 0 : Math.subtractExact(cost, costPortion);
    long opening = Math.abs(delta) - closing;
    if (opening > 0) { // flipped through zero
      quantity = -sign * opening;
      cost = notional(price, quantity);
    }
  }

  private void applyFee(Fill f) {
    if (f.fee().isZero() || f.feeAsset() == null) {
      return;
    }
    String asset = f.feeAsset();
    if (asset.equals(instrument.id().quote())) {
      fees = Math.addExact(fees, f.fee().withScale(ns, RoundingMode.HALF_EVEN).units());
    } else if (asset.equals(instrument.id().base())) {
      // The venue kept part of the base: fewer units for the same cost (or extra units given up).
      long feeUnits = f.fee().withScale(qs, RoundingMode.HALF_EVEN).units();
      if (quantity > 0) {
        long removed = Math.min(feeUnits, quantity);
        quantity -= removed;
        if (quantity == 0) {
          realized = Math.subtractExact(realized, cost);
          cost = 0;
        }
        feeUnits -= removed;
      }
      if (feeUnits > 0) {
        trade(-feeUnits, Price.of(0, 0)); // given up for nothing: a sale at zero
      }
      otherFees.merge(asset, f.fee(), Quantity::plus);
    } else {
      otherFees.merge(asset, f.fee(), Quantity::plus);
    }
  }

  private long notional(Price price, long qtyUnits) {
    return Decimals.multiply(
        price.units(), price.scale(), qtyUnits, qs, ns, RoundingMode.HALF_EVEN);
  }

  /** Immutable snapshot for events. */
  public Position snapshot() {
    Price avg = null;
    if (quantity != 0) {
      int scale = Math.min(instrument.priceScale() + 4, Decimals.MAX_SCALE);
      BigDecimal a =
          BigDecimal.valueOf(cost, ns)
              .divide(BigDecimal.valueOf(quantity, qs), scale, RoundingMode.HALF_EVEN);
      avg = Price.of(a.unscaledValue().longValueExact(), scale);
    }
    Map<String, BigDecimal> other = new HashMap<>();
    otherFees.forEach((k, v) -> other.put(k, v.toBigDecimal()));
    return new Position(
        instrument.id(),
        Quantity.of(quantity, qs),
        avg,
        BigDecimal.valueOf(cost, ns),
        BigDecimal.valueOf(realized, ns),
        BigDecimal.valueOf(unrealizedUnits(), ns),
        BigDecimal.valueOf(fees, ns),
        other,
        mark,
        fills,
        updatedNanos);
  }
}
