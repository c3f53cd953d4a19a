package io.tradeserver.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: for deterministic tests. Thread-safe. */
public final class TestClock implements Clock {
  private final AtomicLong nanos;

  /** Starts at 2025-11-24T21:00:00Z, an arbitrary fixed instant. */
  public TestClock() {
    this(Instant.parse("2025-11-24T21:00:00Z"));
  }

  public TestClock(Instant start) {
    nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
  }

  @Override
  public long nanos() {
    return nanos.get();
  }

  /** Moves time forward; a negative duration is refused because clocks never go back. */
  public void advance(Duration d) {
    advanceNanos(d.toNanos());
  }

  public void advanceNanos(long delta) {
    if (delta < 0) {
      throw new IllegalArgumentException("a clock never goes back: " + delta);
    }
    nanos.addAndGet(delta);
  }

  /** Sets the time, which must not be earlier than now. */
  public void set(long epochNanos) {
    long now = nanos.get();
    if (epochNanos < now) {
      throw new IllegalArgumentException("a clock never goes back");
    }
    nanos.set(epochNanos);
  }

  @Override
  public String toString() {
    return "TestClock[" + Instant.ofEpochSecond(0, nanos.get()) + "]";
  }
}
