package io.tradeserver.paper;

import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/** The simulated venue's record of one order. Engine thread only. */
final class SimOrder {
  final OrderRequest request;
  final String exchangeOrderId;
  final long quantityUnits;
  final long priceUnits; // limit or protection price at the price scale; 0 when none
  OrderStatus status = OrderStatus.ACCEPTED;
  long filledUnits;
  long filledCost; // notional units at scale 8
  // Most orders fill once: the first fill needs no list (the sim keeps 100k finished orders).
  private Fill firstFill;
  private List<Fill> laterFills;

  SimOrder(OrderRequest request, String exchangeOrderId) {
    this.request = request;
    this.exchangeOrderId = exchangeOrderId;
    Instrument in = request.instrument();
    this.quantityUnits = request.quantity().unitsAt(in.quantityScale());
    this.priceUnits =
        request.price() != null
            ? request.price().unitsAt(in.priceScale())
            : request.protectionPrice() != null
                ? request.protectionPrice().unitsAt(in.priceScale())
                : 0;
  }

  long remaining() {
    return quantityUnits - filledUnits;
  }

  void addFill(Fill f) {
    if (firstFill == null) {
      firstFill = f;
    } else {
      if (laterFills == null) {
        laterFills = new ArrayList<>(2);
      }
      laterFills.add(f);
    }
  }

  /** Replaces the latest fill (a forced fill renamed to its requested trade id). */
  void replaceLastFill(Fill f) {
    if (laterFills == null || laterFills.isEmpty()) {
      firstFill = f;
    } else {
      laterFills.set(laterFills.size() - 1, f);
    }
  }

  /** The fills so far, oldest first (a fresh list). */
  List<Fill> fills() {
    List<Fill> all = new ArrayList<>(1 + (laterFills == null ? 0 : laterFills.size()));
    if (firstFill != null) {
      all.add(firstFill);
    }
    if (laterFills != null) {
      all.addAll(laterFills);
    }
    return all;
  }

  boolean open() {
    return status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED;
  }

  /** The order as a venue status report, with the average fill price the caller computed. */
  OrderStatusReport report(String venue, Price averagePrice, long nowNanos) {
    Instrument in = request.instrument();
    return new OrderStatusReport(
        venue,
        in.id(),
        request.clientOrderId(),
        exchangeOrderId,
        status,
        request.side(),
        request.type(),
        request.price(),
        request.quantity(),
        Quantity.of(filledUnits, in.quantityScale()),
        averagePrice,
        nowNanos);
  }
}
