package io.tradeserver.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * What the engine thread does when a duty cycle found no work (Agrona style). The default spins
 * briefly, then yields, then parks for up to a millisecond, trading a little latency after a quiet
 * spell for not burning a core.
 */
@FunctionalInterface
public interface IdleStrategy {
  /** Called after each cycle with the work it did; idles when {@code workCount} is 0. */
  void idle(int workCount);

  /** Spin 100 times, yield 100 times, then park 50 µs doubling to 1 ms. */
  static IdleStrategy backoff() {
    return new IdleStrategy() {
      private int idleCycles;

      @Override
      public void idle(int workCount) {
        if (workCount > 0) {
          idleCycles = 0;
          return;
        }
        idleCycles++;
        if (idleCycles <= 100) {
          Thread.onSpinWait();
        } else if (idleCycles <= 200) {
          Thread.yield();
        } else {
          int shift = Math.min(idleCycles - 200, 5);
          LockSupport.parkNanos(50_000L << shift);
        }
      }
    };
  }

  /** Never sleeps: lowest latency, one core busy. */
  static IdleStrategy busySpin() {
    return workCount -> Thread.onSpinWait();
  }
}
