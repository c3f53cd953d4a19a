package io.tradeserver.order;

import io.tradeserver.event.FillReport;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Quantity;
import java.math.RoundingMode;

/**
 * Fills into orders, each venue trade applied once: a trade already applied to its order (or, for
 * fills of orders no longer in memory, seen within the trade-id window) is counted as a duplicate
 * and dropped; quantity the venue already reported without trade detail (a reconciled fill) is not
 * credited twice. Engine thread only.
 */
final class Fills {
  private final OrderManager om;
  private long duplicates;

  Fills(OrderManager om) {
    this.om = om;
  }

  void onFillReport(FillReport e) {
    Fill f = e.fill();
    ManagedOrder o = f.clientOrderId() == null ? null : om.orders.get(f.clientOrderId());
    if (o != null && o.checking && !o.venue().equals(e.venue())) {
      // a redelivered order looked up on every venue it may be on: it is on this one
      o = om.redelivery.foundElsewhere(o, e.venue(), null, null);
      if (o == null) {
        return;
      }
    }
    if (o == null) {
      if (om.recentTrades.add(f.instrumentId(), f.tradeId())) {
        om.listener().onFill(null, f, false);
      } else {
        duplicates++;
      }
      return;
    }
    if (o.hasTrade(f.tradeId())) {
      duplicates++;
      return;
    }
    o.addTrade(f.tradeId());
    apply(o, f, false);
    if (e.cumulativeQuantity() != null) {
      om.reconciler.checkCumulative(o, e.cumulativeQuantity(), f);
    }
  }

  /** Applies quantity to an order (the caller has deduped the trade) and moves its state. */
  void apply(ManagedOrder o, Fill f, boolean reconciled) {
    Instrument in = o.instrument();
    long units = f.quantity().withScale(in.quantityScale(), RoundingMode.HALF_EVEN).units();
    long credited = units;
    if (!reconciled && o.syntheticUnits > 0) {
      long covered = Math.min(units, o.syntheticUnits);
      o.syntheticUnits -= covered;
      credited -= covered; // already counted from a venue report
    }
    boolean wasOpen = OrderManager.counts(o, o.status);
    long oldRemaining = o.remainingUnits();
    if (credited > 0) {
      o.addFill(credited, f.price());
      Fill applied =
          credited == units ? f : f.withQuantity(Quantity.of(credited, in.quantityScale()));
      om.listener().onFill(o, applied, reconciled);
    }
    if (o.quantityUnits() > 0 && o.filledUnits > o.quantityUnits()) {
      om.anomaly("overfill", o + " trade " + f.tradeId());
    }
    boolean complete = o.quantityUnits() > 0 && o.filledUnits >= o.quantityUnits();
    om.exposure()
        .update(o, wasOpen, oldRemaining, OrderManager.counts(o, o.status), o.remainingUnits());
    om.move(o, complete ? OrderEventType.FULL_FILL : OrderEventType.PARTIAL_FILL);
  }

  long duplicates() {
    return duplicates;
  }
}
