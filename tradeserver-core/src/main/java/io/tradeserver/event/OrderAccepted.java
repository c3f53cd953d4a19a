package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/** The venue acknowledged an order and it is working (or about to fill). */
public record OrderAccepted(
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    String exchangeOrderId,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderAccepted(this);
  }
}
