package io.tradeserver.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler driven by a {@link TestClock}: nothing runs until {@link #advance(Duration)} moves
 * time, then due tasks run in due-time order on the calling thread, with the clock set to each
 * task's due time. Thread-safe for scheduling from any thread.
 */
public final class ManualScheduler implements Scheduler {
  private final TestClock clock;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long seq;

  public ManualScheduler(TestClock clock) {
    this.clock = clock;
  }

  public TestClock clock() {
    return clock;
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    Entry e = new Entry(clock.nanos() + Math.max(0, delayNanos), seq++, task);
    queue.add(e);
    return () -> e.canceled = true;
  }

  /** Advances the clock by {@code d}, running every task that falls due on the way. */
  public void advance(Duration d) {
    long target = clock.nanos() + d.toNanos();
    while (true) {
      Entry e;
      synchronized (this) {
        e = queue.peek();
        if (e == null || e.due > target) {
          break;
        }
        queue.poll();
      }
      if (e.canceled) {
        continue;
      }
      if (e.due > clock.nanos()) {
        clock.set(e.due);
      }
      e.task.run();
    }
    if (target > clock.nanos()) {
      clock.set(target);
    }
  }

  /** Runs tasks already due at the current time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Number of tasks waiting (canceled ones included until their time passes). */
  public synchronized int pending() {
    return (int) queue.stream().filter(e -> !e.canceled).count();
  }

  private static final class Entry {
    final long due;
    final long seq;
    final Runnable task;
    volatile boolean canceled;

    Entry(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }
}
