package io.tradeserver.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production scheduler: one daemon timer thread. A throwing task is logged, never fatal. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);
  private final ScheduledExecutorService executor;

  public ExecutorScheduler(String threadName) {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    ScheduledFuture<?> f =
        executor.schedule(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                log.error("scheduled task failed", e);
              }
            },
            Math.max(0, delayNanos),
            TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
