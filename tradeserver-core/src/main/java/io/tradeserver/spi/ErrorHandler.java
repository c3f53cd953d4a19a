package io.tradeserver.spi;

/** Receives unexpected exceptions from adapter threads (bugs, not venue errors). Must not throw. */
@FunctionalInterface
public interface ErrorHandler {
  void onError(String venue, Throwable error);
}
