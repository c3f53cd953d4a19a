package io.tradeserver.venue;

import io.tradeserver.event.Channel;
import io.tradeserver.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the live connection of a {@link ReconnectingWebSocket} when nothing has arrived on it for
 * longer than the idle timeout, so that it is replaced: a venue can stop sending without closing.
 * It looks four times per timeout, so silence is noticed within 1.25 timeouts.
 */
final class IdleWatchdog {
  // The public class's name: the one logging configurations refer to.
  private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

  private final WebSocketSupervisor supervisor;
  private final String venue;
  private final Channel channel;
  private final Scheduler scheduler;
  private final long timeoutNanos;
  private Scheduler.Cancellable timer; // guarded by the supervisor

  IdleWatchdog(
      WebSocketSupervisor supervisor,
      String venue,
      Channel channel,
      Scheduler scheduler,
      long timeoutNanos) {
    this.supervisor = supervisor;
    this.venue = venue;
    this.channel = channel;
    this.scheduler = scheduler;
    this.timeoutNanos = timeoutNanos;
  }

  /** Starts watching; called once, holding the supervisor's lock. */
  void start() {
    timer = scheduler.scheduleAtFixedRate(Math.max(1, timeoutNanos / 4), this::check);
  }

  /** Stops watching; called holding the supervisor's lock. No-op when not started. */
  void stop() {
    if (timer != null) {
      timer.cancel();
    }
  }

  private void check() {
    WebSocketConnection c = supervisor.current();
    if (c != null && c.quietFor(timeoutNanos)) {
      log.warn("{} {} idle for over {} ms, reconnecting", venue, channel, timeoutNanos / 1_000_000);
      c.abort("idle timeout");
    }
  }
}
