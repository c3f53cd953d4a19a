package io.tradeserver.binance.internal;

import io.tradeserver.event.AlertKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the venue's rate answers: a 429 (or -1003/-1015) pauses every request until Retry-After
 * and raises {@code RATE_LIMITED}; a 418 is an IP ban: requests stop until it ends and {@code
 * BANNED} is raised (the engine trips a breaker on it). rest-api.md "IP Limits": bans last 2
 * minutes to 3 days. Shared by REST and the WebSocket API. Thread-safe.
 */
final class Throttle {
  private static final Logger log = LoggerFactory.getLogger(Throttle.class);
  private static final long DEFAULT_429_MILLIS = 10_000;
  private static final long DEFAULT_BAN_MILLIS = 120_000;
  private final VenueLimits limits;
  private final Emitter out;

  Throttle(VenueLimits limits, Emitter out) {
    this.limits = limits;
    this.out = out;
  }

  /** Applies an error's consequences: pause and alert for rate answers, alert for auth/clock. */
  void onError(VenueError error, BinanceErrors.Outcome outcome) {
    switch (outcome) {
      case RATE_LIMITED, BANNED -> pause(error, outcome == BinanceErrors.Outcome.BANNED);
      case AUTHENTICATION -> out.alert(AlertKind.AUTHENTICATION_FAILED, error.describe(), 0);
      case BAD_TIMESTAMP -> out.alert(AlertKind.CLOCK_SKEW, error.describe(), 0);
      default -> {}
    }
  }

  private void pause(VenueError error, boolean banned) {
    long waitMillis =
        error.retryAfterMillis() > 0
            ? error.retryAfterMillis()
            : banned ? DEFAULT_BAN_MILLIS : DEFAULT_429_MILLIS;
    long until = out.now() + waitMillis * 1_000_000L;
    if (limits.pauseUntil(until)) {
      log.warn(
          "{} {}: requests paused for {} ms ({})",
          out.venue(),
          banned ? "BANNED" : "rate limited",
          waitMillis,
          error.describe());
      out.alert(banned ? AlertKind.BANNED : AlertKind.RATE_LIMITED, error.describe(), until);
    }
  }
}
