package io.tradeserver.kucoin.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Adapts a {@link RestCallback} to a future, for non-event requests. */
final class Futures {
  private Futures() {}

  static <T> RestCallback<T> callback(CompletableFuture<T> f) {
    return new RestCallback<>() {
      @Override
      public void onSuccess(T data) {
        f.complete(data);
      }

      @Override
      public void onError(VenueError error) {
        f.completeExceptionally(new IOException(error.describe()));
      }

      @Override
      public void onFailure(IOException e, boolean notSent) {
        f.completeExceptionally(e);
      }

      @Override
      public void onThrottled(long waitNanos) {
        f.completeExceptionally(new IOException("rate-limited locally"));
      }
    };
  }
}
