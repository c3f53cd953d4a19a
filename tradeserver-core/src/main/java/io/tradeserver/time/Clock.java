package io.tradeserver.time;

/**
 * The one source of time for engine and adapter code: epoch nanoseconds. Inject it; never call
 * {@code System.currentTimeMillis()} in engine code. Implementations must be thread-safe and
 * non-decreasing.
 */
@FunctionalInterface
public interface Clock {

  /** Current time in nanoseconds since the Unix epoch. */
  long nanos();

  /** Current time in milliseconds since the Unix epoch. */
  default long millis() {
    return nanos() / 1_000_000L;
  }

  /**
   * The system clock: wall time read once at start, then advanced by {@link System#nanoTime()}, so
   * it is monotonic and cheap. Venue signatures use their own server-offset correction on top.
   */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
