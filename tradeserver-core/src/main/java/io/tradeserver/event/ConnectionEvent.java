package io.tradeserver.event;

/**
 * A connection's state changed. After {@code PRIVATE_STREAM} comes back ({@link
 * ConnectionState#RECONNECTED}) the engine reconciles open orders and balances.
 */
public record ConnectionEvent(
    String venue, Channel channel, ConnectionState state, String detail, long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onConnectionEvent(this);
  }
}
