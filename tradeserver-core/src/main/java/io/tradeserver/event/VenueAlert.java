package io.tradeserver.event;

/**
 * Something the engine, risk and operators must know about: a rate limit (paused until {@code
 * untilNanos}), a ban, an authentication failure, a clock skew, a book resync.
 */
public record VenueAlert(
    String venue, AlertKind kind, String detail, long untilNanos, long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onVenueAlert(this);
  }
}
