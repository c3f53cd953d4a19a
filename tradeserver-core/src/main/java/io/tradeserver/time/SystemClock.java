package io.tradeserver.time;

import java.time.Instant;

/** Wall-time anchored, {@code nanoTime}-driven clock. */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private final long anchorEpochNanos;
  private final long anchorNanoTime;

  private SystemClock() {
    Instant now = Instant.now();
    anchorNanoTime = System.nanoTime();
    anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long nanos() {
    return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
