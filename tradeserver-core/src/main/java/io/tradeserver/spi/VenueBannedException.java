package io.tradeserver.spi;

/** The venue banned this client (Binance HTTP 418); nothing may be sent until the ban ends. */
public class VenueBannedException extends RateLimitedException {
  public VenueBannedException(
      String venue, int httpStatus, String venueCode, long retryAfterNanos, String message) {
    super(venue, httpStatus, venueCode, retryAfterNanos, message);
  }
}
