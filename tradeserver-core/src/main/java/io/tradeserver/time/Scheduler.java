package io.tradeserver.time;

/**
 * Runs tasks later, on a timer thread (never the engine thread). Adapters use it for pings, time
 * re-sync, reconnect backoff and connection rotation, so tests drive all of those with a {@link
 * ManualScheduler} instead of sleeping. Tasks must be short and must not throw.
 */
public interface Scheduler {

  /**
   * Runs {@code task} once after {@code delayNanos}.
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(long delayNanos, Runnable task);

  /**
   * Runs {@code task} every {@code periodNanos}, first after one period, until canceled.
   *
   * @return a handle that stops further runs
   */
  default Cancellable scheduleAtFixedRate(long periodNanos, Runnable task) {
    return new PeriodicTask(this, periodNanos, task).start();
  }

  /** A scheduled task's handle. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels; does nothing when already run or canceled. */
    void cancel();
  }
}
