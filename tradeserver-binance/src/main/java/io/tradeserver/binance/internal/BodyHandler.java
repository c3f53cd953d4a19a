package io.tradeserver.binance.internal;

import java.io.IOException;

/**
 * Adapts a REST call whose failures all mean the same thing ("the request failed, retry or not") to
 * {@link RestTransport.Handler}.
 */
final class BodyHandler implements RestTransport.Handler {
  /** Consumes a 2xx body; a thrown exception counts as a (retryable) failure. */
  @FunctionalInterface
  interface Body {
    void accept(byte[] body) throws IOException;
  }

  /** Receives the failure detail and whether retrying may help. */
  @FunctionalInterface
  interface Failure {
    void failed(String detail, boolean retryable);
  }

  private final Body body;
  private final Failure failure;

  BodyHandler(Body body, Failure failure) {
    this.body = body;
    this.failure = failure;
  }

  @Override
  public void onSuccess(byte[] bytes) {
    try {
      body.accept(bytes);
    } catch (IOException | RuntimeException e) {
      failure.failed("unreadable answer: " + e, true);
    }
  }

  @Override
  public void onError(VenueError error, BinanceErrors.Outcome outcome) {
    boolean retryable =
        outcome != BinanceErrors.Outcome.REJECTED
            && outcome != BinanceErrors.Outcome.AUTHENTICATION;
    failure.failed(error.describe(), retryable);
  }

  @Override
  public void onNetworkFailure(IOException e, boolean notSent) {
    failure.failed((notSent ? "not sent: " : "no answer: ") + e, true);
  }

  @Override
  public void onThrottled(long waitNanos) {
    failure.failed("rate limited locally for " + waitNanos / 1_000_000 + " ms; not sent", true);
  }
}
