package io.tradeserver.binance.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the venue's clock offset with {@code GET /api/v3/time} (weight 1): at start,
 * periodically, and after a -1021. Concurrent re-syncs are coalesced into one request whose
 * completion runs every waiting callback. Thread-safe.
 */
final class TimeSync {
  private static final Logger log = LoggerFactory.getLogger(TimeSync.class);
  private final RestTransport transport;
  private final ServerTime serverTime;
  private final Emitter emitter;
  private final List<Runnable> waiting = new ArrayList<>();
  private boolean inFlight;
  private Scheduler.Cancellable periodic;

  TimeSync(RestTransport transport, ServerTime serverTime, Emitter emitter) {
    this.transport = transport;
    this.serverTime = serverTime;
    this.emitter = emitter;
  }

  ServerTime serverTime() {
    return serverTime;
  }

  /** Re-measures every {@code interval} (nothing when zero). */
  synchronized void startPeriodic(Scheduler scheduler, Duration interval) {
    if (periodic == null && !interval.isZero()) {
      periodic = scheduler.scheduleAtFixedRate(interval.toNanos(), () -> resync(() -> {}));
    }
  }

  synchronized void stop() {
    if (periodic != null) {
      periodic.cancel();
      periodic = null;
    }
  }

  /** Measures now and then runs {@code then} (also when the measurement failed). */
  void resync(Runnable then) {
    synchronized (this) {
      waiting.add(then);
      if (inFlight) {
        return;
      }
      inFlight = true;
    }
    long sent = emitter.now();
    transport.send(
        RestTransport.Spec.get("/api/v3/time", 1, false, null),
        new RestTransport.Handler() {
          @Override
          public void onSuccess(byte[] body) {
            try {
              serverTime.record(RestParse.serverTime(body), sent, emitter.now());
            } catch (IOException e) {
              log.warn("{} server time unreadable: {}", emitter.venue(), e.getMessage());
            }
            done();
          }

          @Override
          public void onError(VenueError error, BinanceErrors.Outcome outcome) {
            fail(error.describe());
          }

          @Override
          public void onNetworkFailure(IOException e, boolean notSent) {
            fail(e.toString());
          }

          @Override
          public void onThrottled(long waitNanos) {
            fail("rate limited locally");
          }
        });
  }

  private void fail(String why) {
    log.warn("{} server time measurement failed: {}", emitter.venue(), why);
    emitter.alert(AlertKind.CLOCK_SKEW, "server time measurement failed: " + why, 0);
    done();
  }

  private void done() {
    List<Runnable> run;
    synchronized (this) {
      run = new ArrayList<>(waiting);
      waiting.clear();
      inFlight = false;
    }
    for (Runnable r : run) {
      try {
        r.run();
      } catch (RuntimeException e) {
        emitter.bug(e);
      }
    }
  }
}
