package io.tradeserver.kucoin.internal;

/**
 * A refused or failed KuCoin REST answer.
 *
 * @param kind what it means for the caller
 * @param httpStatus the HTTP status (KuCoin often answers 200 with an error code)
 * @param code KuCoin's code ({@code 400100}), or null when the body had none
 * @param message KuCoin's {@code msg}, or a short description; never contains secrets
 * @param retryAfterNanos for {@link KucoinErrors.Kind#RATE_LIMITED}: how long requests are paused
 */
record VenueError(
    KucoinErrors.Kind kind, int httpStatus, String code, String message, long retryAfterNanos) {

  /** {@code "http 400, code 400100: Parameter Error"}. */
  String describe() {
    StringBuilder sb = new StringBuilder(64).append("http ").append(httpStatus);
    if (code != null) {
      sb.append(", code ").append(code);
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    return sb.toString();
  }
}
