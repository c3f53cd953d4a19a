package io.tradeserver.venue;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.spi.ErrorHandler;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;
import io.tradeserver.venue.ReconnectingWebSocket.Handler;
import io.tradeserver.venue.ReconnectingWebSocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a {@link ReconnectingWebSocket} tells the outside: {@link Handler} calls, made one at
 * a time (even while two connections overlap during a rotation) with a failure handed to the error
 * handler, and {@link ConnectionEvent}s to the optional listener and the log. Any thread.
 */
final class WebSocketNotifier {
  // The public class's name: the one logging configurations refer to.
  private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

  private final String venue;
  private final Channel channel;
  private final Handler handler;
  private final Clock clock;
  private final VenueListener listener;
  private final ErrorHandler errors;
  private final Object handlerLock = new Object();

  /** A null {@code listener} hears nothing; a null {@code errors} logs handler failures. */
  WebSocketNotifier(
      String venue,
      Channel channel,
      Handler handler,
      Clock clock,
      VenueListener listener,
      ErrorHandler errors) {
    this.venue = venue;
    this.channel = channel;
    this.handler = handler;
    this.clock = clock;
    this.listener = listener;
    this.errors =
        errors != null ? errors : (v, e) -> log.error("{} websocket handler failed", v, e);
  }

  void opened(Session session) {
    dispatch(() -> handler.onOpen(session));
  }

  void message(Session session, String text) {
    synchronized (handlerLock) { // as dispatch, without a capturing lambda per message
      try {
        handler.onMessage(session, text);
      } catch (RuntimeException e) {
        errors.onError(venue, e);
      }
    }
  }

  /** {@code session} is the live one now: the event first, then {@link Handler#onReady}. */
  void ready(Session session, ConnectionState state, String detail) {
    emit(state, detail);
    dispatch(() -> handler.onReady(session, state));
  }

  /** The live connection was lost: the event first, then {@link Handler#onDisconnected}. */
  void disconnected(String reason) {
    emit(ConnectionState.DISCONNECTED, reason);
    dispatch(() -> handler.onDisconnected(reason));
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
}
