package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;

/**
 * The venue refused a cancel, typically because the order is already done ({@link
 * RejectCode#UNKNOWN_ORDER}).
 */
public record CancelRejected(
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
    handler.onCancelRejected(this);
  }
}
