package io.tradeserver.spi;

/**
 * A venue error that keeps what a caller needs to decide: the venue, HTTP status, the venue's own
 * error code and whether retrying can help. Messages never carry secrets, signatures or full signed
 * query strings.
 */
public class VenueException extends RuntimeException {
  private final String venue;
  private final int httpStatus;
  private final String venueCode;
  private final boolean retryable;

  public VenueException(
      String venue,
      int httpStatus,
      String venueCode,
      boolean retryable,
      String message,
      Throwable cause) {
    super(venue + ": " + message + describe(httpStatus, venueCode), cause);
    this.venue = venue;
    this.httpStatus = httpStatus;
    this.venueCode = venueCode;
    this.retryable = retryable;
  }

  public VenueException(
      String venue, int httpStatus, String venueCode, boolean retryable, String message) {
    this(venue, httpStatus, venueCode, retryable, message, null);
  }

  private static String describe(int httpStatus, String venueCode) {
    StringBuilder sb = new StringBuilder();
    if (httpStatus > 0) {
      sb.append(" [http ").append(httpStatus);
    }
    if (venueCode != null) {
      sb.append(sb.length() == 0 ? " [" : ", ").append("code ").append(venueCode);
    }
    if (sb.length() > 0) {
      sb.append(']');
    }
    return sb.toString();
  }

  public String venue() {
    return venue;
  }

  /** HTTP status, or 0 when the error did not come from an HTTP response. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The venue's own error code ({@code -2010}, {@code 400100}, {@code EOrder:Insufficient funds}),
   * or null.
   */
  public String venueCode() {
    return venueCode;
  }

  /** True when the same request may succeed later (rate limit, transient outage). */
  public boolean retryable() {
    return retryable;
  }
}
