package io.tradeserver.venue;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ReconnectingWebSocket.Session;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One physical connection of a {@link ReconnectingWebSocket}: OkHttp's listener for it and the
 * {@link Session} its handler sees. It owns the socket, its state flags and its timers (pings, the
 * planned rotation); what its opening, readiness or loss means for the stream is decided by the
 * {@link WebSocketSupervisor}, whose lock guards the fields that are not volatile.
 */
final class WebSocketConnection extends WebSocketListener implements Session {
  private final WebSocketSupervisor supervisor;
  private final WebSocketNotifier notifier;
  private final Clock clock;
  private final Scheduler scheduler;
  private final int generation;
  private volatile boolean afterGap; // set later when a replacement takes over from a loss
  private volatile WebSocket socket;
  private volatile boolean opened;
  private volatile boolean ready;
  private volatile boolean dead;
  private boolean retired;
  private volatile long lastMessageNanos;
  private Scheduler.Cancellable ping;
  private Scheduler.Cancellable rotation;

  WebSocketConnection(
      WebSocketSupervisor supervisor,
      WebSocketNotifier notifier,
      Clock clock,
      Scheduler scheduler,
      int generation,
      boolean afterGap) {
    this.supervisor = supervisor;
    this.notifier = notifier;
    this.clock = clock;
    this.scheduler = scheduler;
    this.generation = generation;
    this.afterGap = afterGap;
  }

  // ---- OkHttp callbacks ---------------------------------------------------------------------

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
    if (supervisor.opened(this, webSocket)) {
      notifier.opened(this);
    }
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    lastMessageNanos = clock.nanos();
    if (!dead) {
      notifier.message(this, text);
    }
  }

  @Override
  public void onMessage(WebSocket webSocket, okio.ByteString bytes) {
    onMessage(webSocket, bytes.utf8());
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    supervisor.lost(this, "closed by venue: " + code + " " + reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    supervisor.lost(this, "closed: " + code + " " + reason);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    supervisor.lost(this, "failure: " + t + (response != null ? " http " + response.code() : ""));
  }

  // ---- Session ------------------------------------------------------------------------------

  @Override
  public boolean send(String text) {
    WebSocket s = socket;
    return s != null && !dead && s.send(text);
  }

  @Override
  public boolean afterGap() {
    return afterGap;
  }

  /** This replacement took over from a connection that was lost, not handed over. */
  void tookOverAfterGap() {
    afterGap = true;
  }

  @Override
  public void ready() {
    supervisor.ready(this);
  }

  @Override
  public void pingEvery(Duration interval, Supplier<String> message) {
    synchronized (supervisor) {
      if (ping != null) {
        ping.cancel();
      }
      ping = scheduler.scheduleAtFixedRate(interval.toNanos(), () -> send(message.get()));
    }
  }

  @Override
  public void abort(String reason) {
    cancel();
    supervisor.lost(this, reason);
  }

  // ---- for the supervisor and the watchdog --------------------------------------------------

  int generation() {
    return generation;
  }

  /** Called by the supervisor once the request is built. */
  void socket(WebSocket s) {
    socket = s;
  }

  boolean isReady() {
    return ready;
  }

  /** True when it opened and nothing has arrived for more than {@code timeoutNanos}. */
  boolean quietFor(long timeoutNanos) {
    return opened && clock.nanos() - lastMessageNanos > timeoutNanos;
  }

  /** Marks it open and starts its quiet time; holding the supervisor's lock. */
  void markOpened() {
    opened = true;
    lastMessageNanos = clock.nanos();
  }

  /** Marks it ready; false when it already was or is dead. Holding the supervisor's lock. */
  boolean markReady() {
    if (ready || dead) {
      return false;
    }
    ready = true;
    return true;
  }

  /**
   * Marks it dead; false when it already was or was retired, so a loss is handled once. Holding the
   * supervisor's lock.
   */
  boolean markDead() {
    if (dead || retired) {
      dead = true;
      return false;
    }
    dead = true;
    return true;
  }

  /** Sets the timer of its planned rotation; holding the supervisor's lock. */
  void rotationTimer(Scheduler.Cancellable timer) {
    rotation = timer;
  }

  /**
   * Rotated out: frames already in flight (answers to requests sent on it) are still delivered
   * until the close handshake completes; it never reconnects.
   */
  void retire() {
    synchronized (supervisor) {
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

  void stopTimers() {
    synchronized (supervisor) {
      if (ping != null) {
        ping.cancel();
      }
      if (rotation != null) {
        rotation.cancel();
      }
    }
  }

  /** Drops the socket without a close handshake. */
  void cancel() {
    WebSocket s = socket;
    if (s != null) {
      s.cancel();
    }
  }
}
