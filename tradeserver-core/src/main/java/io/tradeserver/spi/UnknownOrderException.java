package io.tradeserver.spi;

/** The venue has no such order (query or cancel of an id it does not know, or no longer open). */
public class UnknownOrderException extends VenueException {
  public UnknownOrderException(String venue, int httpStatus, String venueCode, String message) {
    super(venue, httpStatus, venueCode, false, message);
  }
}
