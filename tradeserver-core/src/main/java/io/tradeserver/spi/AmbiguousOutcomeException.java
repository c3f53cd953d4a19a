package io.tradeserver.spi;

/**
 * The request may or may not have taken effect: timeout, connection loss after send, HTTP 5xx or a
 * venue "unknown, check status" code. Never re-send an order on this; query it.
 */
public class AmbiguousOutcomeException extends VenueException {
  public AmbiguousOutcomeException(
      String venue, int httpStatus, String venueCode, String message, Throwable cause) {
    super(venue, httpStatus, venueCode, true, message, cause);
  }
}
