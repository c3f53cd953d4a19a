package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;

/**
 * A non-order request (query, open orders, balances, instruments, cancel-all) failed; the engine
 * decides whether to retry. {@code instrumentId} and {@code clientOrderId} may be null.
 */
public record RequestFailed(
    String venue,
    RequestKind request,
    InstrumentId instrumentId,
    String clientOrderId,
    boolean retryable,
    String detail,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onRequestFailed(this);
  }
}
