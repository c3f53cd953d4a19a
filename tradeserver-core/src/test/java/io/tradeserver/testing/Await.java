package io.tradeserver.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: the alternative to sleeping in tests. */
public final class Await {
  private Await() {}

  /**
   * Polls {@code condition} until it holds or {@code timeout} passes.
   *
   * @throws AssertionError with {@code description}'s text when the deadline passes
   */
  public static void until(
      Duration timeout, BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout + ": " + description.get());
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /** {@link #until(Duration, BooleanSupplier, Supplier)} with a 5 s deadline. */
  public static void until(BooleanSupplier condition, String description) {
    until(Duration.ofSeconds(5), condition, () -> description);
  }
}
