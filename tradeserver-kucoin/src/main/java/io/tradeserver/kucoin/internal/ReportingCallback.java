package io.tradeserver.kucoin.internal;

import io.tradeserver.event.RequestKind;
import io.tradeserver.model.InstrumentId;
import java.io.IOException;

/**
 * A {@link RestCallback} for non-order requests that reports every failure as one {@code
 * RequestFailed(kind, id)}: venue errors with the venue's code and message and their retryability
 * ({@link OrderCommands#retryable}), transport failures and local throttling as retryable.
 * Subclasses handle success and may override {@link #failed} (to retry, or to aggregate).
 */
abstract class ReportingCallback<T> implements RestCallback<T> {
  final Emitter out;
  private final RequestKind kind;
  private final InstrumentId id;

  /**
   * @param id the instrument the request concerns, or null when it concerns none or all
   */
  ReportingCallback(Emitter out, RequestKind kind, InstrumentId id) {
    this.out = out;
    this.kind = kind;
    this.id = id;
  }

  @Override
  public void onError(VenueError e) {
    failed(OrderCommands.retryable(e), e.describe());
  }

  @Override
  public void onFailure(IOException e, boolean notSent) {
    failed(true, e.toString());
  }

  @Override
  public void onThrottled(long waitNanos) {
    failed(true, "local rate limit: retry in " + waitNanos / 1_000_000 + " ms");
  }

  void failed(boolean retryable, String detail) {
    out.requestFailed(kind, id, null, retryable, detail);
  }
}
