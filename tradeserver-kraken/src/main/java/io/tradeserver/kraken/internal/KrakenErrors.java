package io.tradeserver.kraken.internal;

import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.model.RejectCode;
import java.util.Map;

/**
 * Kraken's error strings to typed outcomes. Kraken answers most errors with HTTP 200 and an {@code
 * error} array of {@code "E<Category>:<Message>"} strings (docs.kraken.com, "API error messages");
 * some carry a suffix ({@code EService:Throttled: 1700000000}, {@code EGeneral:Invalid
 * arguments:volume}), so the table matches the {@code E<Category>:<Message>} head exactly and the
 * suffix only adds detail. Unknown errors are definitive rejections: Kraken reports an order it may
 * have accepted only as {@code EGeneral:Internal error} or {@code EService:Unavailable/Busy}, which
 * are ambiguous here.
 */
final class KrakenErrors {
  private static final long LOCKOUT_NANOS = 15L * 60 * 1_000_000_000L;
  private static final long THROTTLE_DEFAULT_NANOS = 5L * 1_000_000_000L;

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry("EAPI:Rate limit exceeded", Kind.RATE_LIMITED),
          Map.entry("EOrder:Rate limit exceeded", Kind.RATE_LIMITED),
          Map.entry("EOrder:Domain rate limit exceeded", Kind.RATE_LIMITED),
          Map.entry("EGeneral:Too many requests", Kind.RATE_LIMITED),
          Map.entry("EAuth:Rate limit exceeded", Kind.RATE_LIMITED),
          Map.entry("EService:Throttled", Kind.RATE_LIMITED),
          Map.entry("EGeneral:Temporary lockout", Kind.BANNED),
          Map.entry("EAPI:Invalid key", Kind.AUTHENTICATION),
          Map.entry("EAPI:Invalid signature", Kind.AUTHENTICATION),
          Map.entry("EAPI:Invalid nonce", Kind.AUTHENTICATION),
          Map.entry("EGeneral:Permission denied", Kind.AUTHENTICATION),
          Map.entry("EAPI:Permission denied", Kind.AUTHENTICATION),
          Map.entry("EAPI:Bad request", Kind.REJECTED),
          Map.entry("EOrder:Unknown order", Kind.UNKNOWN_ORDER),
          Map.entry("EOrder:Invalid order", Kind.UNKNOWN_ORDER),
          Map.entry("EService:Unavailable", Kind.AMBIGUOUS),
          Map.entry("EService:Busy", Kind.AMBIGUOUS),
          Map.entry("EGeneral:Internal error", Kind.AMBIGUOUS),
          Map.entry("EService:Market in cancel_only mode", Kind.UNAVAILABLE),
          Map.entry("EService:Market in post_only mode", Kind.UNAVAILABLE),
          Map.entry("EService:Market in limit_only mode", Kind.UNAVAILABLE),
          Map.entry("EService:Deadline elapsed", Kind.REJECTED));

  private static final Map<String, RejectCode> REJECT_CODES =
      Map.ofEntries(
          Map.entry("EOrder:Insufficient funds", RejectCode.VENUE_INSUFFICIENT_BALANCE),
          Map.entry("EOrder:Insufficient margin", RejectCode.VENUE_INSUFFICIENT_BALANCE),
          Map.entry("EOrder:Order minimum not met", RejectCode.VENUE_FILTER_FAILURE),
          Map.entry("EOrder:Cost minimum not met", RejectCode.VENUE_FILTER_FAILURE),
          Map.entry("EOrder:Tick size check failed", RejectCode.VENUE_FILTER_FAILURE),
          Map.entry("EOrder:Invalid price", RejectCode.VENUE_FILTER_FAILURE),
          Map.entry("EGeneral:Invalid arguments", RejectCode.VENUE_FILTER_FAILURE),
          Map.entry("EOrder:Post only order", RejectCode.POST_ONLY_WOULD_TAKE),
          Map.entry("EOrder:Orders limit exceeded", RejectCode.VENUE_REJECTED),
          Map.entry("EQuery:Unknown asset pair", RejectCode.VENUE_REJECTED));

  private KrakenErrors() {}

  /** Classifies the first error string of a response. */
  static KrakenError classify(String error, long nowEpochNanos) {
    String head = head(error);
    Kind kind = KINDS.getOrDefault(head, Kind.REJECTED);
    long retryAfter = 0;
    if (kind == Kind.BANNED) {
      retryAfter = LOCKOUT_NANOS;
    } else if (head.equals("EService:Throttled")) {
      retryAfter = throttledUntil(error, nowEpochNanos);
    }
    return new KrakenError(kind, error, null, retryAfter);
  }

  /** An HTTP status without a Kraken error body. */
  static KrakenError httpStatus(int status) {
    Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.AMBIGUOUS : Kind.REJECTED;
    return new KrakenError(kind, "HTTP " + status, null, 0);
  }

  static RejectCode rejectCodeOf(String venueCode) {
    return venueCode == null
        ? RejectCode.VENUE_REJECTED
        : REJECT_CODES.getOrDefault(head(venueCode), RejectCode.VENUE_REJECTED);
  }

  /** {@code E<Category>:<Message>} without any {@code :<suffix>} Kraken appends. */
  static String head(String error) {
    int first = error.indexOf(':');
    if (first < 0) {
      return error;
    }
    int second = error.indexOf(':', first + 1);
    return second < 0 ? error : error.substring(0, second).trim();
  }

  /** {@code EService:Throttled: <unix seconds>} means "try again after that time". */
  private static long throttledUntil(String error, long nowEpochNanos) {
    int at = error.lastIndexOf(':');
    try {
      long untilSeconds = Long.parseLong(error.substring(at + 1).trim());
      long wait = untilSeconds * 1_000_000_000L - nowEpochNanos;
      return wait > 0 ? wait : THROTTLE_DEFAULT_NANOS;
    } catch (NumberFormatException e) {
      return THROTTLE_DEFAULT_NANOS;
    }
  }
}
