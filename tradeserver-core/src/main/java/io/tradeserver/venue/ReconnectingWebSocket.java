package io.tradeserver.venue;

import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import okhttp3.Request;

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
 *
 * <p>This class is the contract adapters use; the work is done by package-private classes: {@link
 * WebSocketSupervisor} (which connection is live, reconnects and rotations), {@link
 * WebSocketConnection} (one physical connection), {@link WebSocketNotifier} (handler calls and
 * events) and {@link IdleWatchdog}.
 */
public final class ReconnectingWebSocket implements AutoCloseable {

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

  private final WebSocketSupervisor supervisor;

  ReconnectingWebSocket(ReconnectingWebSocketBuilder b) {
    this.supervisor = new WebSocketSupervisor(b);
  }

  public static ReconnectingWebSocketBuilder builder() {
    return new ReconnectingWebSocketBuilder();
  }

  /** Opens the first connection. Idempotent. */
  public void start() {
    supervisor.start();
  }

  /** Sends on the current ready connection; false when there is none. */
  public boolean send(String text) {
    return supervisor.send(text);
  }

  /** True when a ready connection is up. */
  public boolean isUp() {
    return supervisor.isUp();
  }

  /**
   * Opens a replacement now and retires the current connection once the replacement is ready,
   * without a gap (e.g. the venue announced a shutdown). No-op when a rotation is under way.
   */
  public void rotateNow() {
    supervisor.rotateNow();
  }

  /** Drops the current connection so it is replaced (e.g. a detected gap in sequence numbers). */
  public void reconnect(String reason) {
    supervisor.reconnect(reason);
  }

  @Override
  public void close() {
    supervisor.close();
  }
}
