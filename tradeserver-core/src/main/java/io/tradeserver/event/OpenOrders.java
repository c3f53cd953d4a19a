package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import java.util.List;

/**
 * Every order the venue has open, for reconciliation. {@code scope} is the instrument listed, or
 * null for all instruments.
 */
public record OpenOrders(
    String venue, InstrumentId scope, List<OrderStatusReport> orders, long timeNanos)
    implements VenueEvent {
  public OpenOrders {
    orders = List.copyOf(orders);
  }

  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOpenOrders(this);
  }
}
