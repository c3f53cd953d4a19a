package io.tradeserver.kraken.internal;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * Deadlines of in-flight WebSocket requests, which all share {@code requestTimeout}, kept with one
 * armed timer rather than one per request (a timer per order costs a scheduled task and a timer
 * thread wake-up per order). Requests are added in send order, so deadlines are ordered too and
 * only the oldest still-waiting request needs the timer; answered ones are dropped from the front
 * lazily. Thread-safe; {@code expired} runs on the scheduler's thread, outside the lock.
 */
final class RequestTimeouts {
  private final Scheduler scheduler;
  private final Clock clock;
  private final long timeoutNanos;
  private final LongPredicate waiting;
  private final LongConsumer expired;
  private final ArrayDeque<long[]> deadlines = new ArrayDeque<>(); // {reqId, deadlineNanos}
  private Scheduler.Cancellable timer;

  /**
   * @param waiting whether request {@code reqId} still awaits its answer
   * @param expired called once per request still waiting at its deadline
   */
  RequestTimeouts(
      Scheduler scheduler,
      Clock clock,
      long timeoutNanos,
      LongPredicate waiting,
      LongConsumer expired) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.timeoutNanos = timeoutNanos;
    this.waiting = waiting;
    this.expired = expired;
  }

  /** Starts the timeout of request {@code reqId}, about to be sent. */
  synchronized void add(long reqId) {
    pruneAnswered();
    deadlines.add(new long[] {reqId, clock.nanos() + timeoutNanos});
    if (timer == null) {
      timer = scheduler.schedule(timeoutNanos, this::onTimer);
    }
  }

  /** Requests tracked, answered ones not yet pruned included (for tests). */
  synchronized int tracked() {
    return deadlines.size();
  }

  private void pruneAnswered() {
    while (!deadlines.isEmpty() && !waiting.test(deadlines.peek()[0])) {
      deadlines.poll();
    }
  }

  private void onTimer() {
    long[] due = new long[8];
    int n = 0;
    synchronized (this) {
      timer = null;
      long now = clock.nanos();
      while (!deadlines.isEmpty() && deadlines.peek()[1] <= now) {
        long id = deadlines.poll()[0];
        if (waiting.test(id)) {
          if (n == due.length) {
            due = Arrays.copyOf(due, n * 2);
          }
          due[n++] = id;
        }
      }
      pruneAnswered();
      if (!deadlines.isEmpty()) {
        timer = scheduler.schedule(deadlines.peek()[1] - now, this::onTimer);
      }
    }
    for (int i = 0; i < n; i++) {
      expired.accept(due[i]);
    }
  }
}
