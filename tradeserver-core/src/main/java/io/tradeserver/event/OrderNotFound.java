package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/** A query by client order id found no such order at the venue. */
public record OrderNotFound(
    String venue, InstrumentId instrumentId, String clientOrderId, long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderNotFound(this);
  }
}
