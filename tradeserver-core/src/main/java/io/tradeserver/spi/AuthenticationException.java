package io.tradeserver.spi;

/** Key, signature, passphrase, permission or timestamp-window refusal. Not retryable as is. */
public class AuthenticationException extends VenueException {
  public AuthenticationException(String venue, int httpStatus, String venueCode, String message) {
    super(venue, httpStatus, venueCode, false, message);
  }
}
