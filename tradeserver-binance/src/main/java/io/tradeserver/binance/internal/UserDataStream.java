package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.ReconnectingWebSocket;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private stream: a WebSocket API connection subscribed with {@code
 * userDataStream.subscribe.signature} (the REST listenKey endpoints were withdrawn for spot on
 * 2026-02-20, CHANGELOG 2026-01-21). A connection counts as up once the subscription is
 * acknowledged. Each time it comes up with a possible gap (first connect, reconnect) open orders
 * and balances are reconciled; a rotation before the 24 h limit opens the new subscription before
 * the old one closes, so nothing is missed (duplicates are harmless: fills carry trade ids).
 */
final class UserDataStream implements ReconnectingWebSocket.Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UserDataStream.class);
  private final BinanceConfig config;
  private final ExchangeContext context;
  private final OkHttpClient wsHttp;
  private final Signer signer;
  private final String apiKey;
  private final ServerTime serverTime;
  private final Throttle throttle;
  private final UserEvents events;
  private final Runnable reconcile;
  private final Runnable clockResync;
  private final Emitter out;
  private final AtomicLong ids = new AtomicLong();
  private final Map<ReconnectingWebSocket.Session, String> subscribing = new ConcurrentHashMap<>();
  private ReconnectingWebSocket socket;

  UserDataStream(
      BinanceConfig config,
      ExchangeContext context,
      OkHttpClient wsHttp,
      Signer signer,
      ServerTime serverTime,
      VenueLimits limits,
      UserEvents events,
      Runnable reconcile,
      Runnable clockResync,
      Emitter out) {
    this.config = config;
    this.context = context;
    this.wsHttp = wsHttp;
    this.signer = signer;
    this.apiKey = config.credentials().apiKey();
    this.serverTime = serverTime;
    this.throttle = new Throttle(limits, out);
    this.events = events;
    this.reconcile = reconcile;
    this.clockResync = clockResync;
    this.out = out;
  }

  synchronized void start() {
    if (socket != null) {
      return;
    }
    socket =
        ReconnectingWebSocket.builder()
            .venue(out.venue())
            .channel(Channel.PRIVATE_STREAM)
            .http(wsHttp)
            .url(config.wsApiUrl())
            .handler(this)
            .clock(context.clock())
            .scheduler(context.scheduler())
            .listener(this::onConnectionEvent)
            .errorHandler(context.errorHandler())
            .maxLifetime(config.wsMaxLifetime())
            .rotationLead(config.wsRotationLead())
            .build();
    socket.start();
  }

  /** Forwards connection events and reconciles whenever the stream (re)starts with a gap. */
  private void onConnectionEvent(io.tradeserver.event.VenueEvent e) {
    context.listener().onEvent(e);
    if (e instanceof ConnectionEvent c
        && (c.state() == ConnectionState.CONNECTED || c.state() == ConnectionState.RECONNECTED)) {
      reconcile.run();
    }
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    String id = "uds" + ids.incrementAndGet();
    subscribing.put(session, id);
    // userDataStream.subscribe.signature: weight 2; apiKey, recvWindow, timestamp, signature.
    String request =
        new WsApiRequest(id, "userDataStream.subscribe.signature")
            .str("apiKey", apiKey)
            .num("recvWindow", config.recvWindowMillis())
            .num("timestamp", serverTime.millis())
            .signed(signer);
    if (!session.send(request)) {
      session.abort("could not send the subscription");
    }
  }

  @Override
  public void onMessage(ReconnectingWebSocket.Session session, String text) {
    try (JsonParser p = Json.parser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      String id = null;
      int status = 0;
      VenueError error = null;
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "event" -> {
            if (p.currentToken() == JsonToken.START_OBJECT
                && events.onEvent(p) == UserEvents.Next.RECONNECT) {
              session.abort("venue ended the stream");
              return;
            }
          }
          case "id" -> id = Json.text(p);
          case "status" -> status = p.getIntValue();
          case "error" -> error = WsApiResponse.error(p, status, serverTime.millis());
          default -> p.skipChildren();
        }
      }
      if (id != null && id.equals(subscribing.get(session))) {
        subscribed(session, status, error);
      }
    } catch (IOException | RuntimeException e) {
      out.bug(new IllegalStateException("unreadable user data message", e));
    }
  }

  private void subscribed(ReconnectingWebSocket.Session session, int status, VenueError error) {
    subscribing.remove(session);
    if (status == 200) {
      session.ready();
      return;
    }
    VenueError e =
        error == null
            ? new VenueError(status, 0, "subscription refused", 0)
            : new VenueError(status, error.code(), error.message(), 0);
    BinanceErrors.Outcome outcome = BinanceErrors.outcome(e);
    throttle.onError(e, outcome);
    if (outcome == BinanceErrors.Outcome.BAD_TIMESTAMP) {
      clockResync.run();
    }
    log.warn("{} user data subscription refused: {}", out.venue(), e.describe());
    if (outcome != BinanceErrors.Outcome.AUTHENTICATION) {
      out.alert(AlertKind.ERROR, "user data subscription refused: " + e.describe(), 0);
    }
    session.abort("subscription refused: " + e.describe());
  }

  @Override
  public void onDisconnected(String reason) {
    subscribing.clear();
  }

  @Override
  public void close() {
    ReconnectingWebSocket s;
    synchronized (this) {
      s = socket;
    }
    if (s != null) {
      s.close();
    }
  }
}
