package io.tradeserver.spi;

/** The venue (or our own limiter) refused for rate; retry after {@link #retryAfterNanos()}. */
public class RateLimitedException extends VenueException {
  private final long retryAfterNanos;

  public RateLimitedException(
      String venue, int httpStatus, String venueCode, long retryAfterNanos, String message) {
    super(venue, httpStatus, venueCode, true, message);
    this.retryAfterNanos = retryAfterNanos;
  }

  /** How long to wait before the next request, in nanoseconds (0 when unknown). */
  public long retryAfterNanos() {
    return retryAfterNanos;
  }
}
