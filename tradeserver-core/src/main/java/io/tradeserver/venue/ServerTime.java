package io.tradeserver.venue;

import io.tradeserver.time.Clock;

/**
 * The venue's clock as seen from here: local clock plus a measured offset. Measure with {@link
 * #record(long, long, long)} around a server-time request; the midpoint of the round trip is
 * assumed to match the server's timestamp. Thread-safe.
 */
public final class ServerTime {
  private final Clock clock;
  private volatile long offsetMillis;
  private volatile long lastMeasuredNanos = Long.MIN_VALUE;

  public ServerTime(Clock clock) {
    this.clock = clock;
  }

  /** Venue time now, epoch milliseconds. */
  public long millis() {
    return clock.millis() + offsetMillis;
  }

  /** Server minus local, in milliseconds. */
  public long offsetMillis() {
    return offsetMillis;
  }

  /** True once an offset has been measured. */
  public boolean measured() {
    return lastMeasuredNanos != Long.MIN_VALUE;
  }

  /** Clock nanos of the last measurement. */
  public long lastMeasuredNanos() {
    return lastMeasuredNanos;
  }

  /**
   * Records a measurement.
   *
   * @param serverMillis the venue's reported time
   * @param sentNanos local clock when the request left
   * @param receivedNanos local clock when the response arrived
   */
  public void record(long serverMillis, long sentNanos, long receivedNanos) {
    long midpointMillis = (sentNanos + (receivedNanos - sentNanos) / 2) / 1_000_000L;
    offsetMillis = serverMillis - midpointMillis;
    lastMeasuredNanos = receivedNanos;
  }
}
