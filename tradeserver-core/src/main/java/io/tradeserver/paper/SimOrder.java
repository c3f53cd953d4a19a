package io.tradeserver.paper;

import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
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
  final List<Fill> fills = new ArrayList<>(1);

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

  boolean open() {
    return status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED;
  }
}
