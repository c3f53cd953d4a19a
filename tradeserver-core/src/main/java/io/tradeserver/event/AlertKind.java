package io.tradeserver.event;

/** Kinds of {@link VenueAlert}. */
public enum AlertKind {
  /** Requests paused until {@code untilNanos} (429, rate-limit codes). */
  RATE_LIMITED,
  /** The venue banned us (HTTP 418) until {@code untilNanos}; the venue is halted. */
  BANNED,
  /** Signature, key, passphrase or permission refused. */
  AUTHENTICATION_FAILED,
  /** Local clock too far from the venue's; time offset re-measured. */
  CLOCK_SKEW,
  /** The local book lost continuity and is being rebuilt. */
  BOOK_RESYNC,
  /** Venue in maintenance or otherwise unavailable. */
  UNAVAILABLE,
  /** Any other venue error worth counting. */
  ERROR
}
