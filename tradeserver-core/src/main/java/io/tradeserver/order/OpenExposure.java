package io.tradeserver.order;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Side;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Open-order totals kept incrementally, so risk checks read them in O(1): open orders per
 * instrument and venue, and open (unfilled) buy and sell quantity per instrument. Engine thread
 * only.
 */
public final class OpenExposure {
  /** Totals for one instrument. */
  public static final class Totals {
    int orders;
    long buyUnits;
    long sellUnits;
    long buyNotional;

    public int orders() {
      return orders;
    }

    /** Unfilled buy quantity of open orders, units at the instrument's quantity scale. */
    public long buyUnits() {
      return buyUnits;
    }

    /** Quote reserved by open buys (remaining × limit or protection price), notional units. */
    public long buyNotional() {
      return buyNotional;
    }

    /** Unfilled sell quantity of open orders. */
    public long sellUnits() {
      return sellUnits;
    }
  }

  private static final Totals EMPTY = new Totals();
  private final Map<InstrumentId, Totals> byInstrument = new HashMap<>();
  private final Map<String, int[]> ordersByVenue = new HashMap<>();

  public Totals of(InstrumentId id) {
    return byInstrument.getOrDefault(id, EMPTY);
  }

  public int openOrders(String venue) {
    int[] c = ordersByVenue.get(venue);
    return c == null ? 0 : c[0];
  }

  /** Iterates instruments with open totals. */
  public Map<InstrumentId, Totals> all() {
    return java.util.Collections.unmodifiableMap(byInstrument);
  }

  /** Applies the change of one order from (wasOpen, oldRemaining) to (isOpen, newRemaining). */
  void update(
      ManagedOrder o, boolean wasOpen, long oldRemaining, boolean isOpen, long newRemaining) {
    if (wasOpen == isOpen && oldRemaining == newRemaining) {
      return;
    }
    Totals t = byInstrument.computeIfAbsent(o.instrumentId(), k -> new Totals());
    int dOrders = (isOpen ? 1 : 0) - (wasOpen ? 1 : 0);
    t.orders += dOrders;
    long dUnits = (isOpen ? newRemaining : 0) - (wasOpen ? oldRemaining : 0);
    if (o.side() == Side.BUY) {
      t.buyUnits += dUnits;
      Price p = o.request().price() != null ? o.request().price() : o.request().protectionPrice();
      if (p != null && dUnits != 0) {
        t.buyNotional +=
            Decimals.multiply(
                p.units(),
                p.scale(),
                dUnits,
                o.instrument().quantityScale(),
                o.instrument().notionalScale(),
                RoundingMode.HALF_EVEN);
      }
    } else {
      t.sellUnits += dUnits;
    }
    if (dOrders != 0) {
      ordersByVenue.computeIfAbsent(o.venue(), k -> new int[1])[0] += dOrders;
    }
    if (t.orders == 0) {
      byInstrument.remove(o.instrumentId());
    }
  }
}
