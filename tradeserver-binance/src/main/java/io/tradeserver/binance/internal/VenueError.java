package io.tradeserver.binance.internal;

/**
 * A Binance error answer: HTTP status (or WebSocket API {@code status}), the venue code ({@code
 * -2010}) and message, and how long to wait when rate limited or banned.
 *
 * @param status HTTP-style status, 0 when not from a response
 * @param code the venue code, 0 when the body had none
 * @param message the venue message, never containing request parameters
 * @param retryAfterMillis wait before retrying (Retry-After / retryAfter), or 0 when not given
 */
record VenueError(int status, int code, String message, long retryAfterMillis) {

  String codeString() {
    return code == 0 ? (status > 0 ? "http" + status : null) : Integer.toString(code);
  }

  String describe() {
    return (code != 0 ? code + " " : "")
        + (message == null ? "" : message)
        + " (status "
        + status
        + ")";
  }
}
