package io.tradeserver.paper;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.ExchangeContext;
import java.time.Duration;

/**
 * The simulated venue's side of the wire to the engine: every answer and stream event waits out the
 * configured latency before the listener hears it, and private-stream events that come due while
 * that stream is down are lost, as a real venue's would be. It also holds the current duty cycle's
 * time, from which every event's timestamp derives. Engine thread only.
 */
final class SimOutbox {
  private final String venue;
  private final ExchangeContext context;
  private final long latencyNanos;
  // A FIFO in three parallel rings (no Object[] and boxed Long per event): entry i of the queue
  // is at (head + i) & mask.
  private long[] due = new long[64];
  private VenueEvent[] events = new VenueEvent[64];
  private boolean[] privateStream = new boolean[64];
  private int head;
  private int size;
  private long now;
  private long privateDownUntil = Long.MIN_VALUE;

  SimOutbox(String venue, ExchangeContext context, Duration latency) {
    this.venue = venue;
    this.context = context;
    this.latencyNanos = latency.toNanos();
  }

  /** Sets the time of the duty cycle that is starting. */
  void now(long nowNanos) {
    now = nowNanos;
  }

  long now() {
    return now;
  }

  /** When an answer produced now reaches the engine: after the configured latency. */
  long sent() {
    return now + latencyNanos;
  }

  /** Queues {@code e} for delivery after the latency; a private-stream event can still be lost. */
  void emit(VenueEvent e, boolean privateStream) {
    if (size == events.length) {
      grow();
    }
    int tail = (head + size) & (events.length - 1);
    due[tail] = now + latencyNanos;
    events[tail] = e;
    this.privateStream[tail] = privateStream;
    size++;
  }

  private void grow() {
    int n = events.length;
    long[] d = new long[n << 1];
    VenueEvent[] e = new VenueEvent[n << 1];
    boolean[] p = new boolean[n << 1];
    for (int i = 0; i < size; i++) {
      int from = (head + i) & (n - 1);
      d[i] = due[from];
      e[i] = events[from];
      p[i] = privateStream[from];
    }
    due = d;
    events = e;
    privateStream = p;
    head = 0;
  }

  /** Takes the private stream down until {@code untilNanos} and says so. */
  void dropPrivate(long untilNanos) {
    privateDownUntil = untilNanos;
    emit(
        new ConnectionEvent(
            venue, Channel.PRIVATE_STREAM, ConnectionState.DISCONNECTED, "simulated drop", sent()),
        false);
  }

  /**
   * Brings a dropped private stream back once its time is up and says so; true when it did, so the
   * caller can follow with what a venue resends after a reconnect.
   */
  boolean restorePrivate(long nowNanos) {
    if (privateDownUntil == Long.MIN_VALUE || nowNanos < privateDownUntil) {
      return false;
    }
    privateDownUntil = Long.MIN_VALUE;
    emit(
        new ConnectionEvent(
            venue, Channel.PRIVATE_STREAM, ConnectionState.RECONNECTED, "sim", sent()),
        false);
    return true;
  }

  /** Hands the listener every event due by {@code nowNanos}; returns how many came due. */
  int release(long nowNanos) {
    int n = 0;
    while (size > 0 && due[head] <= nowNanos) {
      VenueEvent e = events[head];
      boolean toPrivate = privateStream[head];
      events[head] = null;
      head = (head + 1) & (events.length - 1);
      size--;
      if (!(toPrivate && privateDownUntil != Long.MIN_VALUE)) {
        context.listener().onEvent(e);
      }
      n++;
    }
    return n;
  }
}
