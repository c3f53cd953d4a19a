package io.tradeserver.venue;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Deadlines of in-flight requests that all share one timeout, with a single armed timer instead of
 * one per request. Requests are added in send order, so their deadlines are in that order too and
 * only the oldest one still waiting needs a timer; answered requests are dropped from the front as
 * new ones arrive. A per-request timer cost a scheduled task per request and a wake-up of the timer
 * thread for each one (canceled tasks still fall due), about one context switch per order.
 * Thread-safe; {@code expired} runs on the scheduler's thread, outside the lock. Used by the
 * WebSocket order paths (Binance's WebSocket API, Kraken's WebSocket v2).
 *
 * @param <K> the request id's type
 */
public final class RequestTimeouts<K> {
  private final Scheduler scheduler;
  private final Clock clock;
  private final long timeoutNanos;
  private final Predicate<K> waiting;
  private final Consumer<K> expired;
  private final ArrayDeque<Entry<K>> entries = new ArrayDeque<>();
  private Scheduler.Cancellable timer;

  /**
   * @param waiting whether the request with this id still awaits its answer
   * @param expired called once for each request still waiting at its deadline
   */
  public RequestTimeouts(
      Scheduler scheduler,
      Clock clock,
      long timeoutNanos,
      Predicate<K> waiting,
      Consumer<K> expired) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.timeoutNanos = timeoutNanos;
    this.waiting = waiting;
    this.expired = expired;
  }

  /** Starts the timeout of the request {@code id}, just sent. */
  public synchronized void add(K id) {
    dropAnswered();
    entries.add(new Entry<>(id, clock.nanos() + timeoutNanos));
    if (timer == null) {
      arm(entries.peek().deadline);
    }
  }

  /** Number of requests tracked, answered ones not yet dropped included (for tests). */
  public synchronized int tracked() {
    return entries.size();
  }

  private void dropAnswered() {
    while (!entries.isEmpty() && !waiting.test(entries.peek().id)) {
      entries.poll();
    }
  }

  private void arm(long deadline) {
    timer = scheduler.schedule(deadline - clock.nanos(), this::fire);
  }

  private void fire() {
    List<K> due = new ArrayList<>();
    synchronized (this) {
      timer = null;
      long now = clock.nanos();
      dropAnswered();
      while (!entries.isEmpty() && entries.peek().deadline <= now) {
        due.add(entries.poll().id);
        dropAnswered();
      }
      if (!entries.isEmpty()) {
        arm(entries.peek().deadline);
      }
    }
    due.forEach(expired);
  }

  private record Entry<K>(K id, long deadline) {}
}
