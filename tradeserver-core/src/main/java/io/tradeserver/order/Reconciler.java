package io.tradeserver.order;

import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.TimeInForce;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the order manager in line with what the venue reports: status reports from queries,
 * open-order listings after a gap, orders we did not know (adopted so risk and the kill switch see
 * them), and filled quantity the venue reports without trade detail (applied as a reconciled fill
 * if the trades do not arrive within the grace period).
 */
final class Reconciler {
  private final OrderManager om;

  Reconciler(OrderManager om) {
    this.om = om;
  }

  void onStatusReport(OrderStatusReport r) {
    ManagedOrder o = om.orders.get(r.clientOrderId());
    if (o != null && o.checking && !o.venue().equals(r.venue())) {
      // a redelivered order looked up on every venue it may be on: found on another one
      o = om.redelivery.foundElsewhere(o, r.venue(), r.quantity(), r.price());
      if (o == null) {
        return;
      }
    }
    if (o == null) {
      if (r.status() == OrderStatus.ACCEPTED || r.status() == OrderStatus.PARTIALLY_FILLED) {
        adopt(r);
      }
      return;
    }
    if (o.exchangeOrderId == null) {
      o.exchangeOrderId = r.exchangeOrderId();
    }
    o.queryAttempts = 0;
    if (r.filledQuantity() != null) {
      expectFilled(o, r.filledQuantity(), r.averagePrice());
    }
    OrderEventType event =
        switch (r.status()) {
          case ACCEPTED -> OrderEventType.ACK;
          case PARTIALLY_FILLED -> OrderEventType.PARTIAL_FILL;
          case FILLED -> OrderEventType.FULL_FILL;
          case CANCELED -> OrderEventType.CANCELED;
          case EXPIRED -> OrderEventType.EXPIRE;
          case REJECTED -> OrderEventType.REJECT;
          default -> null;
        };
    if (event == null) {
      om.anomaly("status-report-state", r.toString());
    } else if (event == OrderEventType.REJECT) {
      om.rejectWith(o, io.tradeserver.model.RejectCode.VENUE_REJECTED, "venue reports REJECTED");
    } else {
      om.move(o, event);
    }
  }

  /** Every open order is listed: unlisted open orders of ours finished during a gap; ask. */
  void onOpenOrders(OpenOrders e) {
    Set<String> listed = new HashSet<>();
    for (OrderStatusReport r : e.orders()) {
      listed.add(r.clientOrderId());
      onStatusReport(r);
    }
    List<ManagedOrder> missing = new ArrayList<>();
    for (ManagedOrder o : om.orders.values()) {
      boolean inScope =
          o.venue().equals(e.venue()) && (e.scope() == null || e.scope().equals(o.instrumentId()));
      boolean settled =
          o.status == OrderStatus.ACCEPTED
              || o.status == OrderStatus.PARTIALLY_FILLED
              || o.status == OrderStatus.PENDING_CANCEL;
      if (inScope && settled && !listed.contains(o.clientOrderId())) {
        missing.add(o);
      }
    }
    missing.forEach(om::query);
  }

  /**
   * A fill event carried the venue's cumulative quantity; more than we have means a fill was
   * missed.
   */
  void checkCumulative(ManagedOrder o, Quantity cumulative, Fill last) {
    expectFilled(o, cumulative, last.price());
  }

  void onTimer(long now) {
    List<ManagedOrder> list = om.reconciling;
    for (int i = list.size() - 1; i >= 0; i--) {
      ManagedOrder o = list.get(i);
      if (o.filledUnits >= o.reconcileTarget) {
        list.remove(i);
      } else if (now >= o.reconcileDueNanos) {
        list.remove(i);
        applyReconciled(o);
      }
    }
  }

  private void expectFilled(ManagedOrder o, Quantity reported, Price price) {
    long units = reported.withScale(o.instrument().quantityScale(), RoundingMode.HALF_EVEN).units();
    if (units <= o.filledUnits || units <= o.reconcileTarget) {
      return;
    }
    boolean queued = o.reconcileTarget > o.filledUnits;
    o.reconcileTarget = units;
    o.reconcilePrice = price != null ? price : o.request().price();
    if (!queued) {
      o.reconcileDueNanos = om.now() + om.config().reconcileGrace().toNanos();
      om.reconciling.add(o);
    }
  }

  private void applyReconciled(ManagedOrder o) {
    long missing = o.reconcileTarget - o.filledUnits;
    if (missing <= 0) {
      return;
    }
    if (o.reconcilePrice == null) {
      om.anomaly("reconcile-without-price", o.toString());
      return;
    }
    Instrument in = o.instrument();
    String tradeId = "reconciled-" + o.clientOrderId() + "-" + o.reconcileTarget;
    Fill f =
        new Fill(
            in.id(),
            o.clientOrderId(),
            o.exchangeOrderId,
            tradeId,
            o.side(),
            o.reconcilePrice,
            Quantity.of(missing, in.quantityScale()),
            null,
            null,
            Liquidity.UNKNOWN,
            om.now());
    o.addTrade(tradeId);
    o.syntheticUnits += missing;
    om.fills.apply(o, f, true);
  }

  private void adopt(OrderStatusReport r) {
    Instrument in = om.instruments.apply(r.instrumentId());
    if (in == null || r.quantity() == null || r.side() == null) {
      om.anomaly("unadoptable-open-order", r.toString());
      return;
    }
    OrderType type = r.type() == null ? OrderType.LIMIT : r.type();
    if (type != OrderType.MARKET && r.price() == null) {
      om.anomaly("unadoptable-open-order", r.toString());
      return;
    }
    String cid = r.clientOrderId() != null ? r.clientOrderId() : "ext-" + r.exchangeOrderId();
    OrderRequest req =
        new OrderRequest(
            cid,
            in,
            r.side(),
            type,
            TimeInForce.GTC,
            r.price(),
            r.quantity(),
            null,
            null,
            null,
            "external",
            om.now());
    ManagedOrder o = om.register(req, null, null);
    o.adopted = true;
    o.exchangeOrderId = r.exchangeOrderId();
    Price baselinePrice = r.averagePrice() != null ? r.averagePrice() : r.price();
    if (r.filledQuantity() != null && r.filledQuantity().isPositive() && baselinePrice != null) {
      // Filled before we knew the order (an earlier session): a baseline, not a new fill.
      long units = r.filledQuantity().withScale(in.quantityScale(), RoundingMode.HALF_EVEN).units();
      o.addFill(units, baselinePrice);
    }
    om.move(o, OrderEventType.SEND);
    OrderStatusReport named =
        r.clientOrderId() != null
            ? r
            : new OrderStatusReport(
                r.venue(),
                r.instrumentId(),
                cid,
                r.exchangeOrderId(),
                r.status(),
                r.side(),
                r.type(),
                r.price(),
                r.quantity(),
                r.filledQuantity(),
                r.averagePrice(),
                r.timeNanos());
    onStatusReport(named);
  }
}
