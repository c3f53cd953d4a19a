package io.tradeserver.venue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt {@code n} waits a random time in {@code [d/2,
 * d]} where {@code d = min(max, initial × 2^n)}, so reconnecting clients spread out but never retry
 * at once. Immutable and thread-safe when the random generator is.
 */
public final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, was " + initial + ", " + max);
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** 250 ms doubling up to 30 s. */
  public static Backoff defaults() {
    return new Backoff(
        Duration.ofMillis(250), Duration.ofSeconds(30), RandomGenerator.getDefault());
  }

  /** Delay before retry number {@code attempt} (0 for the first retry), in nanoseconds. */
  public long delayNanos(int attempt) {
    long d = attempt >= 62 ? maxNanos : Math.min(maxNanos, initialNanos << Math.min(attempt, 40));
    if (d < 0) {
      d = maxNanos;
    }
    long half = d / 2;
    return half + (half == 0 ? 0 : random.nextLong(half + 1));
  }

  public long maxNanos() {
    return maxNanos;
  }
}
