package io.tradeserver.kraken.internal;

import io.tradeserver.model.RejectCode;

/**
 * A classified failure of one Kraken request: what kind of outcome it is, the venue's own code (the
 * first {@code error} string, or {@code HTTP <status>}), and a safe detail (never a signed body).
 *
 * @param kind how callers must treat it
 * @param venueCode Kraken's error string ({@code EOrder:Insufficient funds}) or {@code HTTP 502}
 * @param detail human-readable detail
 * @param retryAfterNanos for rate limits and lockouts, how long to pause (0 when unknown)
 */
record KrakenError(Kind kind, String venueCode, String detail, long retryAfterNanos) {

  /** Outcome classes, each with one handling rule. */
  enum Kind {
    /** The request definitely did not take effect: the venue refused it. */
    REJECTED,
    /** Refused for rate: the request did not take effect. */
    RATE_LIMITED,
    /** Temporarily locked out; nothing may be sent until it ends. */
    BANNED,
    /** Key, signature, nonce or permission refused; the request did not take effect. */
    AUTHENTICATION,
    /** The order is not known (or no longer open) at the venue. */
    UNKNOWN_ORDER,
    /** The exchange or market is unavailable; the request did not take effect. */
    UNAVAILABLE,
    /** Timeout, 5xx, lost connection, internal error: it may or may not have taken effect. */
    AMBIGUOUS,
    /** Never left this process (connect refused, unknown host). */
    NOT_SENT
  }

  /** The reject code for an order refused with this error. */
  RejectCode rejectCode() {
    return switch (kind) {
      case RATE_LIMITED, BANNED -> RejectCode.RATE_LIMITED;
      case AUTHENTICATION -> RejectCode.AUTHENTICATION_FAILED;
      case UNAVAILABLE, NOT_SENT -> RejectCode.VENUE_UNAVAILABLE;
      case UNKNOWN_ORDER -> RejectCode.UNKNOWN_ORDER;
      default -> KrakenErrors.rejectCodeOf(venueCode);
    };
  }

  boolean retryable() {
    return kind == Kind.RATE_LIMITED
        || kind == Kind.AMBIGUOUS
        || kind == Kind.UNAVAILABLE
        || kind == Kind.NOT_SENT
        || kind == Kind.BANNED;
  }

  @Override
  public String toString() {
    return kind + " " + venueCode + (detail == null ? "" : ": " + detail);
  }
}
