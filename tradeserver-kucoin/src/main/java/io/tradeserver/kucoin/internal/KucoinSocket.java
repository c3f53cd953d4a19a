package io.tradeserver.kucoin.internal;

import io.tradeserver.event.Channel;
import io.tradeserver.spi.ErrorHandler;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ReconnectingWebSocket;
import io.tradeserver.venue.ReconnectingWebSocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KuCoin WebSocket stream (public or private) following KuCoin's connection protocol
 * (https://www.kucoin.com/docs-new/websocket-api/base-info/introduction): every connection first
 * fetches a new token from {@code bullet-public}/{@code bullet-private}; the connection is used
 * only after the server's {@code welcome}; then it pings at the server's {@code pingInterval},
 * subscribes every topic with {@code response:true}, and is marked ready once all are acknowledged.
 * A token is valid for 24 h, so the connection is rotated (new token, no gap) before that.
 * Reconnection with backoff and jitter, idle detection and rotation are {@link
 * ReconnectingWebSocket}'s.
 *
 * <p>Thread-safety: handler callbacks and {@link #subscribe} are serialized on this object; the
 * {@link Sink} is called with this object locked and must not block.
 */
final class KucoinSocket implements ReconnectingWebSocket.Handler {
  private static final Logger log = LoggerFactory.getLogger(KucoinSocket.class);
  static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

  /** A connection whose subscriptions are not all acknowledged within this is replaced. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  /** How a welcomed connection relates to the previous one. */
  enum Start {
    /** The first connection of this stream. */
    FIRST,
    /** Replaces a lost connection: anything in between may have been missed. */
    AFTER_GAP,
    /** Replaces a live connection before its token expires: nothing missed. */
    ROTATION
  }

  /** Receives the stream's life cycle and data frames. */
  interface Sink {
    /** A connection was welcomed; its subscriptions are about to be sent. */
    default void onWelcome(Start start) {}

    /** KuCoin acknowledged {@code topic} on a connection. */
    default void onSubscribed(String topic) {}

    /** KuCoin refused {@code topic}; it is dropped. */
    default void onSubscribeFailed(String topic, String detail) {}

    /** Every subscription of a connection is acknowledged; the connection is live. */
    default void onReady(Start start) {}

    /** A {@code message} frame. */
    void onMessage(StreamParse.Header header, String text);
  }

  private final String venue;
  private final boolean privateChannel;
  private final Sink sink;
  private final Scheduler scheduler;
  private final ReconnectingWebSocket ws;
  private final Set<String> topics = new LinkedHashSet<>();
  private final Map<Session, State> sessions = new WeakHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile MarketParse.Bullet bullet;
  private Session live;

  KucoinSocket(
      String venue,
      Channel channel,
      KucoinRest rest,
      OkHttpClient http,
      Clock clock,
      Scheduler scheduler,
      VenueListener listener,
      ErrorHandler errors,
      Duration idleTimeout,
      Sink sink) {
    this.venue = venue;
    this.privateChannel = channel == Channel.PRIVATE_STREAM;
    this.sink = sink;
    this.scheduler = scheduler;
    Endpoint bulletEndpoint = privateChannel ? Endpoint.BULLET_PRIVATE : Endpoint.BULLET_PUBLIC;
    this.ws =
        ReconnectingWebSocket.builder()
            .venue(venue)
            .channel(channel)
            .http(http)
            .requests(() -> newRequest(rest, bulletEndpoint))
            .handler(this)
            .clock(clock)
            .scheduler(scheduler)
            .listener(listener)
            .errorHandler(errors)
            .idleTimeout(idleTimeout)
            .maxLifetime(TOKEN_LIFETIME)
            .build();
  }

  void start() {
    ws.start();
  }

  void close() {
    ws.close();
  }

  /** Drops the live connection so a new one (with a new token) replaces it. */
  void reconnect(String reason) {
    ws.reconnect(reason);
  }

  /** Adds a topic: subscribed on every welcomed connection now, and on all future ones. */
  synchronized void subscribe(String topic) {
    if (!topics.add(topic)) {
      return;
    }
    for (Map.Entry<Session, State> e : sessions.entrySet()) {
      if (e.getValue().welcomed) {
        send(e.getKey(), e.getValue(), topic);
      }
    }
  }

  synchronized boolean isSubscribed(String topic) {
    return topics.contains(topic);
  }

  /** Fetches a fresh token and builds the connection request from it. */
  private CompletionStage<Request> newRequest(KucoinRest rest, Endpoint bulletEndpoint) {
    CompletableFuture<Request> f = new CompletableFuture<>();
    rest.send(
        bulletEndpoint,
        bulletEndpoint.path,
        null,
        MarketParse.BULLET,
        new RestCallback<>() {
          @Override
          public void onSuccess(MarketParse.Bullet b) {
            bullet = b;
            try {
              f.complete(new Request.Builder().url(url(b)).build());
            } catch (RuntimeException e) {
              f.completeExceptionally(e);
            }
          }

          @Override
          public void onError(VenueError error) {
            f.completeExceptionally(new IOException("token refused: " + error.describe()));
          }

          @Override
          public void onFailure(IOException e, boolean notSent) {
            f.completeExceptionally(e);
          }

          @Override
          public void onThrottled(long waitNanos) {
            f.completeExceptionally(new IOException("token request rate-limited locally"));
          }
        });
    return f;
  }

  private HttpUrl url(MarketParse.Bullet b) {
    String e = b.endpoint();
    if (e.startsWith("wss:")) {
      e = "https:" + e.substring(4);
    } else if (e.startsWith("ws:")) {
      e = "http:" + e.substring(3);
    }
    return HttpUrl.get(e)
        .newBuilder()
        .addQueryParameter("token", b.token())
        .addQueryParameter("connectId", venue + "-" + ids.incrementAndGet())
        .build();
  }

  @Override
  public synchronized void onOpen(Session session) {
    sessions.put(session, new State());
  }

  @Override
  public synchronized void onMessage(Session session, String text) {
    StreamParse.Header h;
    try {
      h = StreamParse.header(text);
    } catch (IOException e) {
      log.warn("{} unreadable websocket frame ignored: {}", venue, e.getMessage());
      return;
    }
    State st = sessions.computeIfAbsent(session, s -> new State());
    String type = h.type() == null ? "" : h.type();
    switch (type) {
      case "welcome" -> welcome(session, st);
      case "ack" -> ack(session, st, h.id());
      case "error" -> error(session, st, h, text);
      case "message" -> {
        if (st.welcomed) {
          sink.onMessage(h, text);
        }
      }
      default -> {} // pong, notice
    }
  }

  private void welcome(Session s, State st) {
    if (st.welcomed) {
      return;
    }
    st.welcomed = true;
    st.start = s.afterGap() ? Start.AFTER_GAP : live != null ? Start.ROTATION : Start.FIRST;
    MarketParse.Bullet b = bullet;
    long interval = b != null && b.pingIntervalMillis() > 0 ? b.pingIntervalMillis() : 18_000;
    s.pingEvery(Duration.ofMillis(interval), this::ping);
    sink.onWelcome(st.start);
    for (String topic : topics) {
      send(s, st, topic);
    }
    readyIfDone(s, st);
    if (!st.ready) {
      scheduler.schedule(ACK_TIMEOUT.toNanos(), () -> ackTimeout(s, st));
    }
  }

  private synchronized void ackTimeout(Session s, State st) {
    if (!st.ready) {
      log.warn("{} subscriptions not acknowledged within {}: {}", venue, ACK_TIMEOUT, st.pending);
      s.abort("subscriptions not acknowledged");
    }
  }

  private String ping() {
    return "{\"id\":\"" + ids.incrementAndGet() + "\",\"type\":\"ping\"}";
  }

  private void send(Session s, State st, String topic) {
    String id = Long.toString(ids.incrementAndGet());
    st.pending.put(id, topic);
    s.send(
        "{\"id\":\""
            + id
            + "\",\"type\":\"subscribe\",\"topic\":\""
            + topic
            + "\",\"privateChannel\":"
            + privateChannel
            + ",\"response\":true}");
  }

  private void ack(Session s, State st, String id) {
    String topic = id == null ? null : st.pending.remove(id);
    if (topic != null) {
      sink.onSubscribed(topic);
      readyIfDone(s, st);
    }
  }

  private void error(Session s, State st, StreamParse.Header h, String text) {
    String topic = h.id() == null ? null : st.pending.remove(h.id());
    if (topic == null) {
      log.warn("{} websocket error: {}", venue, text);
      return;
    }
    log.error("{} subscription to {} refused: {}", venue, topic, text);
    topics.remove(topic);
    sink.onSubscribeFailed(topic, text);
    readyIfDone(s, st);
  }

  private void readyIfDone(Session s, State st) {
    if (st.ready || !st.pending.isEmpty()) {
      return;
    }
    st.ready = true;
    live = s;
    s.ready();
    sink.onReady(st.start);
  }

  /** Per-connection protocol state. */
  private static final class State {
    final Map<String, String> pending = new HashMap<>();
    boolean welcomed;
    boolean ready;
    Start start = Start.FIRST;
  }
}
