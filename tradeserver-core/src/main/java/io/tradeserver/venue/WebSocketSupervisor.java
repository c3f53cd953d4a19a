package io.tradeserver.venue;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ReconnectingWebSocket.RequestFactory;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stream of a {@link ReconnectingWebSocket} up: which connection is live, which one is
 * replacing it during a rotation, and what happens when either opens, becomes ready or is lost
 * (reconnect after backoff, rotate before the lifetime limit, retry a failed rotation). Every
 * transition runs under this object's lock, which also guards the connections' non-volatile fields;
 * the handler and the listener are called outside it.
 */
final class WebSocketSupervisor {
  // The public class's name: the one logging configurations refer to.
  private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

  private final String venue;
  private final Channel channel;
  private final OkHttpClient http;
  private final RequestFactory requests;
  private final Clock clock;
  private final Scheduler scheduler;
  private final WebSocketNotifier notifier;
  private final Backoff backoff;
  private final long maxLifetimeNanos;
  private final long rotationLeadNanos;
  private final IdleWatchdog watchdog; // null without an idle timeout

  private WebSocketConnection current;
  private WebSocketConnection rotating;
  private int generation;
  private int attempt;
  private boolean everReady;
  private boolean gap;
  private boolean started;
  private boolean closed;

  WebSocketSupervisor(ReconnectingWebSocketBuilder b) {
    this.venue = Objects.requireNonNull(b.venue, "venue");
    this.channel = Objects.requireNonNull(b.channel, "channel");
    this.http = Objects.requireNonNull(b.http, "http");
    this.requests = Objects.requireNonNull(b.requests, "requests");
    Objects.requireNonNull(b.handler, "handler");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.notifier = new WebSocketNotifier(venue, channel, b.handler, clock, b.listener, b.errors);
    this.backoff = b.backoff != null ? b.backoff : Backoff.defaults();
    this.maxLifetimeNanos = b.maxLifetime == null ? 0 : b.maxLifetime.toNanos();
    this.rotationLeadNanos = b.rotationLead.toNanos();
    long idleTimeoutNanos = b.idleTimeout == null ? 0 : b.idleTimeout.toNanos();
    if (maxLifetimeNanos > 0 && rotationLeadNanos >= maxLifetimeNanos) {
      throw new IllegalArgumentException("rotation lead must be shorter than the max lifetime");
    }
    this.watchdog =
        idleTimeoutNanos > 0
            ? new IdleWatchdog(this, venue, channel, scheduler, idleTimeoutNanos)
            : null;
  }

  // ---- for ReconnectingWebSocket ------------------------------------------------------------

  synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    connect(false);
    if (watchdog != null) {
      watchdog.start();
    }
  }

  boolean send(String text) {
    WebSocketConnection c = current();
    return c != null && c.isReady() && c.send(text);
  }

  synchronized boolean isUp() {
    return current != null && current.isReady();
  }

  void rotateNow() {
    WebSocketConnection c = current();
    if (c != null && c.isReady()) {
      rotate(c);
    }
  }

  void reconnect(String reason) {
    WebSocketConnection c = current();
    if (c != null) {
      c.abort(reason);
    }
  }

  void close() {
    WebSocketConnection c;
    WebSocketConnection r;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = current;
      r = rotating;
      current = null;
      rotating = null;
      if (watchdog != null) {
        watchdog.stop();
      }
    }
    if (c != null) {
      c.shutdown(1000, "closing");
    }
    if (r != null) {
      r.shutdown(1000, "closing");
    }
  }

  // ---- transitions --------------------------------------------------------------------------

  /** The live connection, ready or not; null between a loss and the next attempt. */
  synchronized WebSocketConnection current() {
    return current;
  }

  private void connect(boolean rotation) {
    WebSocketConnection conn;
    synchronized (this) {
      if (closed || (rotation ? rotating != null : current != null)) {
        return; // e.g. a replacement already took over from the lost connection
      }
      conn =
          new WebSocketConnection(this, notifier, clock, scheduler, ++generation, !rotation && gap);
      if (rotation) {
        rotating = conn;
      } else {
        current = conn;
      }
    }
    CompletionStage<Request> req;
    try {
      req = requests.newRequest();
    } catch (RuntimeException e) {
      req = CompletableFuture.failedFuture(e);
    }
    req.whenComplete(
        (request, err) -> {
          if (err != null) {
            lost(conn, "connect request failed: " + err.getMessage());
            return;
          }
          synchronized (this) {
            if (closed || (current != conn && rotating != conn)) {
              return;
            }
            conn.socket(http.newWebSocket(request, conn));
          }
        });
  }

  /** {@code c} opened; false (and the socket closed) when it has been superseded meanwhile. */
  boolean opened(WebSocketConnection c, WebSocket webSocket) {
    synchronized (this) {
      if (closed || (current != c && rotating != c)) {
        webSocket.close(1000, "superseded");
        return false;
      }
      c.markOpened();
    }
    return true;
  }

  /**
   * {@code c}'s handler says it is usable: a replacement takes over from the connection it rotates
   * out, otherwise the stream is (re)connected; either way the next rotation is planned.
   */
  void ready(WebSocketConnection c) {
    ConnectionState state;
    WebSocketConnection retired = null;
    synchronized (this) {
      if (closed || !c.markReady()) {
        return;
      }
      if (rotating == c) {
        retired = current;
        current = c;
        rotating = null;
        if (retired == null) {
          // The live connection was lost while this one opened: it takes over, and since events
          // may have been missed in between, it is a reconnect (the adapter reconciles) and the
          // reconnect scheduled after the loss stands down (see connect).
          state = ConnectionState.RECONNECTED;
          gap = false;
          c.tookOverAfterGap();
        } else {
          state = ConnectionState.ROTATED;
        }
      } else if (current == c) {
        state =
            !everReady
                ? ConnectionState.CONNECTED
                : c.afterGap() ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED;
        gap = false;
      } else {
        return;
      }
      everReady = true;
      attempt = 0;
      if (maxLifetimeNanos > 0) {
        c.rotationTimer(scheduler.schedule(maxLifetimeNanos - rotationLeadNanos, () -> rotate(c)));
      }
    }
    if (retired != null) {
      retired.retire();
    }
    notifier.ready(c, state, "generation " + c.generation());
  }

  /** Opens a replacement for {@code c} if it is still live and no rotation is under way. */
  private void rotate(WebSocketConnection c) {
    synchronized (this) {
      if (closed || current != c || rotating != null) {
        return;
      }
    }
    connect(true);
  }

  /** Unplanned loss of {@code c}: reconnect if it was the live connection, else retry rotating. */
  void lost(WebSocketConnection c, String reason) {
    boolean wasCurrent;
    long delay = 0;
    synchronized (this) {
      if (!c.markDead()) {
        return;
      }
      wasCurrent = current == c;
      if (wasCurrent) {
        current = null;
        gap = gap || everReady;
      } else if (rotating == c) {
        rotating = null;
      } else {
        return;
      }
      if (!closed) {
        delay = backoff.delayNanos(attempt++);
      }
    }
    c.stopTimers();
    c.cancel();
    if (closed) {
      return;
    }
    if (wasCurrent) {
      // Reconnect is scheduled before anyone hears of the loss, so nothing can observe a gap
      // with no reconnect pending.
      scheduler.schedule(delay, () -> connect(false));
      if (c.isReady()) {
        notifier.disconnected(reason);
      } else {
        log.warn("{} {} connection attempt failed: {}", venue, channel, reason);
      }
    } else {
      log.warn("{} {} rotation attempt failed, retrying: {}", venue, channel, reason);
      scheduler.schedule(
          delay,
          () -> {
            WebSocketConnection live = current();
            if (live != null) {
              rotate(live);
            }
          });
    }
  }
}
