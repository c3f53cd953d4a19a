package io.tradeserver.time;

/** Re-schedules itself after each run until canceled. */
final class PeriodicTask implements Scheduler.Cancellable {
  private final Scheduler scheduler;
  private final long periodNanos;
  private final Runnable task;
  private volatile boolean canceled;
  private volatile Scheduler.Cancellable next;

  PeriodicTask(Scheduler scheduler, long periodNanos, Runnable task) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("period must be > 0");
    }
    this.scheduler = scheduler;
    this.periodNanos = periodNanos;
    this.task = task;
  }

  PeriodicTask start() {
    next = scheduler.schedule(periodNanos, this::run);
    return this;
  }

  private void run() {
    if (canceled) {
      return;
    }
    try {
      task.run();
    } finally {
      if (!canceled) {
        next = scheduler.schedule(periodNanos, this::run);
      }
    }
  }

  @Override
  public void cancel() {
    canceled = true;
    Scheduler.Cancellable n = next;
    if (n != null) {
      n.cancel();
    }
  }
}
