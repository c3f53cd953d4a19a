package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/**
 * The venue ended an order without a cancel request: an IOC/FOK remainder, an expiry, a self-trade
 * prevention.
 */
public record OrderExpired(
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    String exchangeOrderId,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderExpired(this);
  }
}
