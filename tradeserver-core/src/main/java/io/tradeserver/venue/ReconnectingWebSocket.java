package io.tradeserver.venue;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.spi.ErrorHandler;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket that stays up: reconnects with backoff and jitter after any loss, reconnects when the
 * venue goes quiet, sends application pings, and rotates to a fresh connection before the venue's
 * lifetime limit (e.g. Binance's 24 h) by opening the new one first and closing the old one only
 * when the new one is ready, so no event is missed (some may arrive twice; consumers dedupe).
 *
 * <p>Each connection is a {@link Session}. The {@link Handler} authenticates and subscribes in
 * {@link Handler#onOpen} and calls {@link Session#ready()} once the session is usable (at once, or
 * after a welcome/subscription acknowledgement). Handler methods are never called concurrently,
 * even while two connections overlap during a rotation. Connection changes are reported as {@link
 * ConnectionEvent}s: CONNECTED, DISCONNECTED, RECONNECTED (after a gap: reconcile), ROTATED (no
 * gap).
 */
public final class ReconnectingWebSocket implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

  /** Callbacks for one logical stream. */
  public interface Handler {
    /** A connection opened: authenticate and subscribe, then call {@link Session#ready()}. */
    void onOpen(Session session);

    /** A text frame arrived on {@code session}. */
    void onMessage(Session session, String text);

    /** The current connection was lost (not called for rotations or {@link #close()}). */
    default void onDisconnected(String reason) {}

    /**
     * A session became the live one: CONNECTED, RECONNECTED (after a gap: reconcile) or ROTATED (no
     * gap). Called after the {@link ConnectionEvent} is emitted.
     */
    default void onReady(Session session, ConnectionState state) {}
  }

  /** One physical connection. */
  public interface Session {
    /** Queues a text frame; false when this connection is closing or gone. */
    boolean send(String text);

    /** Marks this connection usable; see the class comment. */
    void ready();

    /** True when this connection replaces one that was lost (events may have been missed). */
    boolean afterGap();

    /** Sends {@code message.get()} every {@code interval} while this session lives. */
    void pingEvery(Duration interval, Supplier<String> message);

    /** Drops this connection; the supervisor reconnects. */
    void abort(String reason);
  }

  /** Produces the request for each new connection (KuCoin fetches a fresh token here). */
  @FunctionalInterface
  public interface RequestFactory {
    CompletionStage<Request> newRequest();

    static RequestFactory fixed(String url) {
      Request r = new Request.Builder().url(url).build();
      return () -> CompletableFuture.completedFuture(r);
    }
  }

  private final String venue;
  private final Channel channel;
  private final OkHttpClient http;
  private final RequestFactory requests;
  private final Handler handler;
  private final Clock clock;
  private final Scheduler scheduler;
  private final VenueListener listener;
  private final ErrorHandler errors;
  private final Backoff backoff;
  private final long maxLifetimeNanos;
  private final long rotationLeadNanos;
  private final long idleTimeoutNanos;
  private final Object handlerLock = new Object();

  private Conn current;
  private Conn rotating;
  private int generation;
  private int attempt;
  private boolean everReady;
  private boolean gap;
  private boolean started;
  private boolean closed;
  private Scheduler.Cancellable watchdog;

  ReconnectingWebSocket(ReconnectingWebSocketBuilder b) {
    this.venue = Objects.requireNonNull(b.venue, "venue");
    this.channel = Objects.requireNonNull(b.channel, "channel");
    this.http = Objects.requireNonNull(b.http, "http");
    this.requests = Objects.requireNonNull(b.requests, "requests");
    this.handler = Objects.requireNonNull(b.handler, "handler");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.listener = b.listener;
    this.errors =
        b.errors != null ? b.errors : (v, e) -> log.error("{} websocket handler failed", v, e);
    this.backoff = b.backoff != null ? b.backoff : Backoff.defaults();
    this.maxLifetimeNanos = b.maxLifetime == null ? 0 : b.maxLifetime.toNanos();
    this.rotationLeadNanos = b.rotationLead.toNanos();
    this.idleTimeoutNanos = b.idleTimeout == null ? 0 : b.idleTimeout.toNanos();
    if (maxLifetimeNanos > 0 && rotationLeadNanos >= maxLifetimeNanos) {
      throw new IllegalArgumentException("rotation lead must be shorter than the max lifetime");
    }
  }

  public static ReconnectingWebSocketBuilder builder() {
    return new ReconnectingWebSocketBuilder();
  }

  /** Opens the first connection. Idempotent. */
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    connect(false);
    if (idleTimeoutNanos > 0) {
      watchdog = scheduler.scheduleAtFixedRate(Math.max(1, idleTimeoutNanos / 4), this::checkIdle);
    }
  }

  /** Sends on the current ready connection; false when there is none. */
  public boolean send(String text) {
    Conn c;
    synchronized (this) {
      c = current;
    }
    return c != null && c.ready && c.send(text);
  }

  /** True when a ready connection is up. */
  public synchronized boolean isUp() {
    return current != null && current.ready;
  }

  /**
   * Opens a replacement now and retires the current connection once the replacement is ready,
   * without a gap (e.g. the venue announced a shutdown). No-op when a rotation is under way.
   */
  public void rotateNow() {
    Conn c;
    synchronized (this) {
      c = current;
    }
    if (c != null && c.ready) {
      c.rotate();
    }
  }

  /** Drops the current connection so it is replaced (e.g. a detected gap in sequence numbers). */
  public void reconnect(String reason) {
    Conn c;
    synchronized (this) {
      c = current;
    }
    if (c != null) {
      c.abort(reason);
    }
  }

  @Override
  public void close() {
    Conn c;
    Conn r;
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
        watchdog.cancel();
      }
    }
    if (c != null) {
      c.shutdown(1000, "closing");
    }
    if (r != null) {
      r.shutdown(1000, "closing");
    }
  }

  private void connect(boolean rotation) {
    Conn conn;
    synchronized (this) {
      if (closed) {
        return;
      }
      conn = new Conn(++generation, !rotation && gap);
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
            conn.lost("connect request failed: " + err.getMessage());
            return;
          }
          synchronized (this) {
            if (closed || (current != conn && rotating != conn)) {
              return;
            }
            conn.socket = http.newWebSocket(request, conn);
          }
        });
  }

  private void checkIdle() {
    Conn c;
    synchronized (this) {
      c = current;
    }
    if (c != null && c.opened && clock.nanos() - c.lastMessageNanos > idleTimeoutNanos) {
      log.warn(
          "{} {} idle for over {} ms, reconnecting", venue, channel, idleTimeoutNanos / 1_000_000);
      c.abort("idle timeout");
    }
  }

  private void emit(ConnectionState state, String detail) {
    log.info("{} {} {}: {}", venue, channel, state, detail);
    if (listener != null) {
      listener.onEvent(new ConnectionEvent(venue, channel, state, detail, clock.nanos()));
    }
  }

  private void dispatch(Runnable r) {
    synchronized (handlerLock) {
      try {
        r.run();
      } catch (RuntimeException e) {
        errors.onError(venue, e);
      }
    }
  }

  /** One physical connection and its OkHttp callbacks. */
  private final class Conn extends WebSocketListener implements Session {
    private final int gen;
    private final boolean afterGap;
    private volatile WebSocket socket;
    private volatile boolean opened;
    private volatile boolean ready;
    private volatile boolean dead;
    private boolean retired;
    private volatile long lastMessageNanos;
    private Scheduler.Cancellable ping;
    private Scheduler.Cancellable rotation;

    Conn(int gen, boolean afterGap) {
      this.gen = gen;
      this.afterGap = afterGap;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      synchronized (ReconnectingWebSocket.this) {
        if (closed || (current != this && rotating != this)) {
          webSocket.close(1000, "superseded");
          return;
        }
        opened = true;
        lastMessageNanos = clock.nanos();
      }
      dispatch(() -> handler.onOpen(this));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      lastMessageNanos = clock.nanos();
      if (!dead) {
        dispatch(() -> handler.onMessage(this, text));
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, okio.ByteString bytes) {
      onMessage(webSocket, bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      lost("closed by venue: " + code + " " + reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      lost("closed: " + code + " " + reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      lost("failure: " + t + (response != null ? " http " + response.code() : ""));
    }

    @Override
    public boolean send(String text) {
      WebSocket s = socket;
      return s != null && !dead && s.send(text);
    }

    @Override
    public boolean afterGap() {
      return afterGap;
    }

    @Override
    public void ready() {
      ConnectionState state;
      Conn retired = null;
      synchronized (ReconnectingWebSocket.this) {
        if (ready || dead || closed) {
          return;
        }
        ready = true;
        if (rotating == this) {
          retired = current;
          current = this;
          rotating = null;
          state = ConnectionState.ROTATED;
        } else if (current == this) {
          state =
              !everReady
                  ? ConnectionState.CONNECTED
                  : afterGap ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED;
          gap = false;
        } else {
          return;
        }
        everReady = true;
        attempt = 0;
        if (maxLifetimeNanos > 0) {
          rotation = scheduler.schedule(maxLifetimeNanos - rotationLeadNanos, this::rotate);
        }
      }
      if (retired != null) {
        retired.retire();
      }
      emit(state, "generation " + gen);
      ConnectionState s = state;
      dispatch(() -> handler.onReady(this, s));
    }

    private void rotate() {
      synchronized (ReconnectingWebSocket.this) {
        if (closed || current != this || rotating != null) {
          return;
        }
      }
      connect(true);
    }

    @Override
    public void pingEvery(Duration interval, Supplier<String> message) {
      synchronized (ReconnectingWebSocket.this) {
        if (ping != null) {
          ping.cancel();
        }
        ping = scheduler.scheduleAtFixedRate(interval.toNanos(), () -> send(message.get()));
      }
    }

    @Override
    public void abort(String reason) {
      WebSocket s = socket;
      if (s != null) {
        s.cancel();
      }
      lost(reason);
    }

    /**
     * Rotated out: frames already in flight (answers to requests sent on it) are still delivered
     * until the close handshake completes; it never reconnects.
     */
    void retire() {
      synchronized (ReconnectingWebSocket.this) {
        retired = true;
      }
      stopTimers();
      WebSocket s = socket;
      if (s != null) {
        s.close(1000, "rotated");
      }
    }

    /** Planned close: no reconnect. */
    void shutdown(int code, String reason) {
      dead = true;
      stopTimers();
      WebSocket s = socket;
      if (s != null) {
        s.close(code, reason);
      }
    }

    private void stopTimers() {
      synchronized (ReconnectingWebSocket.this) {
        if (ping != null) {
          ping.cancel();
        }
        if (rotation != null) {
          rotation.cancel();
        }
      }
    }

    /** Unplanned loss: reconnect if this was the live connection. */
    void lost(String reason) {
      boolean wasCurrent;
      long delay = 0;
      synchronized (ReconnectingWebSocket.this) {
        if (dead || retired) {
          dead = true;
          return;
        }
        dead = true;
        wasCurrent = current == this;
        if (wasCurrent) {
          current = null;
          gap = gap || everReady;
        } else if (rotating == this) {
          rotating = null;
        } else {
          return;
        }
        if (!closed) {
          delay = backoff.delayNanos(attempt++);
        }
      }
      stopTimers();
      WebSocket s = socket;
      if (s != null) {
        s.cancel();
      }
      if (closed) {
        return;
      }
      if (wasCurrent) {
        // Reconnect is scheduled before anyone hears of the loss, so nothing can observe a gap
        // with no reconnect pending.
        scheduler.schedule(delay, () -> connect(false));
        if (ready) {
          emit(ConnectionState.DISCONNECTED, reason);
          dispatch(() -> handler.onDisconnected(reason));
        } else {
          log.warn("{} {} connection attempt failed: {}", venue, channel, reason);
        }
      } else {
        log.warn("{} {} rotation attempt failed, retrying: {}", venue, channel, reason);
        scheduler.schedule(
            delay,
            () -> {
              Conn c;
              synchronized (ReconnectingWebSocket.this) {
                c = current;
              }
              if (c != null) {
                c.rotate();
              }
            });
      }
    }
  }
}
