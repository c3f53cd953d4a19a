package io.tradeserver.paper;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.ExchangeContext;
import java.time.Duration;
import java.util.ArrayDeque;

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
  private final ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {dueNanos, event, private}
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
    queue.addLast(new Object[] {now + latencyNanos, e, privateStream});
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
    Object[] head;
    while ((head = queue.peekFirst()) != null && (long) head[0] <= nowNanos) {
      queue.pollFirst();
      boolean privateStream = (boolean) head[2];
      if (!(privateStream && privateDownUntil != Long.MIN_VALUE)) {
        context.listener().onEvent((VenueEvent) head[1]);
      }
      n++;
    }
    return n;
  }
}
