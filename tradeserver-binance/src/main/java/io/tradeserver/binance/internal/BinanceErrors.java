package io.tradeserver.binance.internal;

import io.tradeserver.model.RejectCode;

/**
 * Decides what a Binance error means, by code (errors.md), HTTP status (rest-api.md "HTTP Return
 * Codes") and, only where Binance documents distinct messages for one code (the -2010/-2011
 * "Messages for ... NEW_ORDER_REJECTED, CANCEL_REJECTED" table and "Filter failures"), by the exact
 * documented message. Never by searching free text.
 */
final class BinanceErrors {
  static final int TOO_MANY_REQUESTS = -1003;
  static final int INVALID_TIMESTAMP = -1021;
  static final int NO_SUCH_ORDER = -2013;
  static final int CANCEL_REJECTED = -2011;
  static final int ORDER_ARCHIVED = -2026;

  // errors.md "Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED, -2011 ..."
  static final String INSUFFICIENT_BALANCE =
      "Account has insufficient balance for requested action.";
  static final String WOULD_TAKE = "Order would immediately match and take.";
  static final String DUPLICATE_ORDER = "Duplicate order sent.";
  static final String UNKNOWN_ORDER = "Unknown order sent.";
  static final String FILTER_FAILURE_PREFIX = "Filter failure: ";

  private BinanceErrors() {}

  /** What an error answer means for the request that got it. */
  enum Outcome {
    /** The venue refused it; it never took effect. */
    REJECTED,
    /** It may or may not have taken effect: query, never re-send. */
    UNKNOWN,
    /** Refused for rate (429 / -1003 / -1015): it did not take effect. */
    RATE_LIMITED,
    /** IP banned (418): it did not take effect; the venue is halted until the ban ends. */
    BANNED,
    /** Timestamp outside recvWindow (-1021): refused before processing, safe to retry once. */
    BAD_TIMESTAMP,
    /** Key, signature or permission refused. */
    AUTHENTICATION
  }

  static Outcome outcome(VenueError e) {
    if (e.status() == 418) {
      return Outcome.BANNED;
    }
    if (e.status() >= 500) {
      // rest-api.md: "It is important to NOT treat this as a failure operation; the execution
      // status is UNKNOWN and could have been a success."
      return Outcome.UNKNOWN;
    }
    if (e.status() == 429) {
      return Outcome.RATE_LIMITED;
    }
    return switch (e.code()) {
      case TOO_MANY_REQUESTS, -1015 -> Outcome.RATE_LIMITED;
      case INVALID_TIMESTAMP -> Outcome.BAD_TIMESTAMP;
      case -1002, -1022, -2014, -2015 -> Outcome.AUTHENTICATION;
      // -1006 UNEXPECTED_RESP and -1007 TIMEOUT say "execution status unknown"; -1000 UNKNOWN,
      // -1001 DISCONNECTED and -1008 SERVER_BUSY do not promise the request was not processed.
      case -1000, -1001, -1006, -1007, -1008 -> Outcome.UNKNOWN;
      default -> Outcome.REJECTED;
    };
  }

  /** The stable reject code for a refused new order. */
  static RejectCode rejectCode(VenueError e) {
    switch (outcome(e)) {
      case RATE_LIMITED, BANNED:
        return RejectCode.RATE_LIMITED;
      case AUTHENTICATION:
        return RejectCode.AUTHENTICATION_FAILED;
      default:
        break;
    }
    String msg = e.message();
    if (e.code() == -2010) {
      if (INSUFFICIENT_BALANCE.equals(msg)) {
        return RejectCode.VENUE_INSUFFICIENT_BALANCE;
      }
      if (WOULD_TAKE.equals(msg)) {
        return RejectCode.POST_ONLY_WOULD_TAKE;
      }
      if (DUPLICATE_ORDER.equals(msg)) {
        return RejectCode.DUPLICATE_CLIENT_ORDER_ID;
      }
      return RejectCode.VENUE_REJECTED;
    }
    if (e.code() == -1013 && msg != null && msg.startsWith(FILTER_FAILURE_PREFIX)) {
      return RejectCode.VENUE_FILTER_FAILURE;
    }
    // -1111 BAD_PRECISION: too many decimals for the symbol, a rounding problem like a filter.
    if (e.code() == -1111) {
      return RejectCode.VENUE_FILTER_FAILURE;
    }
    return RejectCode.VENUE_REJECTED;
  }

  /** True when a cancel was refused because the venue does not know the order (or it is done). */
  static boolean unknownOrder(VenueError e) {
    if (e.code() == NO_SUCH_ORDER) {
      return true;
    }
    // -2011 CANCEL_REJECTED: "Unknown order sent." is the usual message; the documented messages
    // that mean something else (account or API disabled, cancel restrictions) are not "unknown".
    return e.code() == CANCEL_REJECTED
        && (e.message() == null || !CANCEL_REFUSED_FOR_OTHER_REASONS.contains(e.message()));
  }

  private static final java.util.Set<String> CANCEL_REFUSED_FOR_OTHER_REASONS =
      java.util.Set.of(
          "This action is disabled on this account.",
          "This account may not place or cancel orders.",
          "Order was not canceled due to cancel restrictions.",
          "Rest API trading is not enabled.",
          "WebSocket API trading is not enabled.");
}
