package io.tradeserver.kucoin.internal;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link ServerTime} measured against {@code GET /api/v1/timestamp}: at start, every
 * interval, and after KuCoin refuses a request timestamp (400002; KuCoin allows 5 s of skew).
 * Thread-safe.
 */
final class TimeSync {
  private static final Logger log = LoggerFactory.getLogger(TimeSync.class);

  /** At most one extra measurement per this interval after timestamp refusals. */
  private static final long REMEASURE_GUARD_NANOS = Duration.ofSeconds(1).toNanos();

  private final String venue;
  private final KucoinRest rest;
  private final ServerTime time;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Duration interval;
  private volatile Scheduler.Cancellable periodic;
  private volatile long lastRequestNanos = Long.MIN_VALUE / 2;

  TimeSync(
      String venue,
      KucoinRest rest,
      ServerTime time,
      Clock clock,
      Scheduler scheduler,
      Duration interval) {
    this.venue = venue;
    this.rest = rest;
    this.time = time;
    this.clock = clock;
    this.scheduler = scheduler;
    this.interval = interval;
  }

  /** Measures now, then runs {@code then} whether or not the measurement succeeded. */
  void measure(Runnable then) {
    long sent = clock.nanos();
    lastRequestNanos = sent;
    rest.send(
        Endpoint.SERVER_TIME,
        Endpoint.SERVER_TIME.path,
        null,
        MarketParse.SERVER_TIME,
        new RestCallback<>() {
          @Override
          public void onSuccess(Long serverMillis) {
            if (serverMillis != null) {
              time.record(serverMillis, sent, clock.nanos());
              log.debug("{} server time offset {} ms", venue, time.offsetMillis());
            }
            then.run();
          }

          @Override
          public void onError(VenueError error) {
            failed(error.describe(), then);
          }

          @Override
          public void onFailure(IOException e, boolean notSent) {
            failed(e.toString(), then);
          }

          @Override
          public void onThrottled(long waitNanos) {
            failed("rate-limited locally", then);
          }
        });
  }

  private void failed(String why, Runnable then) {
    log.warn("{} server time not measured ({}); keeping offset {} ms", venue, why, offset());
    then.run();
  }

  private long offset() {
    return time.offsetMillis();
  }

  /** Starts the periodic re-measurement. */
  void startPeriodic() {
    periodic = scheduler.scheduleAtFixedRate(interval.toNanos(), () -> measure(() -> {}));
  }

  /** KuCoin refused a timestamp: measure again unless a measurement just started. */
  void remeasure() {
    if (clock.nanos() - lastRequestNanos >= REMEASURE_GUARD_NANOS) {
      measure(() -> {});
    }
  }

  void stop() {
    Scheduler.Cancellable p = periodic;
    if (p != null) {
      p.cancel();
    }
  }
}
