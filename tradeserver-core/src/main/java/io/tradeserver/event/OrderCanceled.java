package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/** The venue canceled an order (on our request or its own). */
public record OrderCanceled(
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    String exchangeOrderId,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderCanceled(this);
  }
}
