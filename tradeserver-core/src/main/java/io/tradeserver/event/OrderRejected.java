package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;

/**
 * The venue definitively refused an order: it never worked. {@code venueCode} is the venue's own
 * error code (e.g. {@code -2010}), or null.
 */
public record OrderRejected(
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    RejectCode code,
    String venueCode,
    String detail,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onOrderRejected(this);
  }
}
