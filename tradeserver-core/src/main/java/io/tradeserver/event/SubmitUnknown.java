package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/**
 * A submit's outcome is ambiguous (timeout, 5xx, disconnect after send): the venue may or may not
 * have the order. The engine resolves it by query and never re-sends.
 */
public record SubmitUnknown(
    String venue, InstrumentId instrumentId, String clientOrderId, String cause, long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onSubmitUnknown(this);
  }
}
