package io.tradeserver.internal;

/**
 * Lets a repeating log line through at most once per interval, so a flood of identical failures
 * never floods the log (STYLE: log lifecycle, not every order). Not thread-safe: one per thread, or
 * accept a benign race.
 */
public final class LogThrottle {
  private final long intervalNanos;
  private long last;
  private boolean logged;
  private long suppressed;

  public LogThrottle(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** One line per second. */
  public static LogThrottle perSecond() {
    return new LogThrottle(1_000_000_000L);
  }

  /** True when a line may be logged now; otherwise counts it as suppressed. */
  public boolean allow() {
    long now = System.nanoTime();
    if (!logged || now - last >= intervalNanos) {
      logged = true;
      last = now;
      return true;
    }
    suppressed++;
    return false;
  }

  /** Lines suppressed since the start. */
  public long suppressed() {
    return suppressed;
  }
}
