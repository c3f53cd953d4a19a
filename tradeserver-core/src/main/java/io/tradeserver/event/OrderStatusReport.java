package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;

/**
 * The venue's view of one order, from a query or an open-orders listing. {@code status} is one of
 * ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED; {@code price} and {@code
 * averagePrice} may be null.
 */
public record OrderStatusReport(
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    String exchangeOrderId,
    OrderStatus status,
    Side side,
    OrderType type,
    Price price,
    Quantity quantity,
    Quantity filledQuantity,
    Price averagePrice,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderStatusReport(this);
  }
}
