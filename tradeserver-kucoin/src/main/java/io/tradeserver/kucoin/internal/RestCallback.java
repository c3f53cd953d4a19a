package io.tradeserver.kucoin.internal;

import java.io.IOException;

/**
 * Outcome of one KuCoin REST request; exactly one method is called, on an OkHttp thread (or the
 * caller's thread for {@link #onThrottled}).
 */
interface RestCallback<T> {
  /** HTTP 2xx with code {@code 200000}; {@code data} may be null when the venue sent none. */
  void onSuccess(T data);

  /** The venue answered with an error, already classified (side effects already applied). */
  void onError(VenueError error);

  /**
   * The exchange failed in transport.
   *
   * @param notSent true only when the request provably never reached the venue
   */
  void onFailure(IOException e, boolean notSent);

  /** Our own limiter refused; nothing was sent. Retry after {@code waitNanos}. */
  void onThrottled(long waitNanos);
}
