package io.tradeserver.order;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Side;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Open-order totals kept incrementally, so risk checks read them in O(1): open orders per
 * instrument and venue, and open (unfilled) buy and sell quantity per instrument. The instruments
 * with open orders are also kept in a list, so checks that sum over them cost what is working, not
 * what the venues list. Engine thread only.
 */
public final class OpenExposure {
  /** Totals for one instrument. */
  public static final class Totals {
    final Instrument instrument;
    int slot = -1;
    int orders;
    long buyUnits;
    long sellUnits;
    long buyNotional;

    Totals(Instrument instrument) {
      this.instrument = instrument;
    }

    /** The instrument (null only for the shared empty totals). */
    public Instrument instrument() {
      return instrument;
    }

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

  private static final Totals EMPTY = new Totals(null);
  private final Map<InstrumentId, Totals> byInstrument = new HashMap<>();
  private final ArrayList<Totals> open = new ArrayList<>();
  private final Map<String, int[]> ordersByVenue = new HashMap<>();

  public Totals of(InstrumentId id) {
    return byInstrument.getOrDefault(id, EMPTY);
  }

  public int openOrders(String venue) {
    int[] c = ordersByVenue.get(venue);
    return c == null ? 0 : c[0];
  }

  /**
   * How many instruments have open orders; with {@link #openAt} iterates them without allocating.
   */
  public int openInstruments() {
    return open.size();
  }

  /** The totals of the {@code i}-th instrument with open orders, in no particular order. */
  public Totals openAt(int i) {
    return open.get(i);
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
    Totals t = byInstrument.get(o.instrumentId());
    if (t == null) {
      t = new Totals(o.instrument());
      byInstrument.put(o.instrumentId(), t);
      t.slot = open.size();
      open.add(t);
    }
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
      Totals last = open.remove(open.size() - 1);
      if (last != t) {
        open.set(t.slot, last);
        last.slot = t.slot;
      }
    }
  }
}
