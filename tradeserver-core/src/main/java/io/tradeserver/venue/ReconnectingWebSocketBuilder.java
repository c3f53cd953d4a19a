package io.tradeserver.venue;

import io.tradeserver.event.Channel;
import io.tradeserver.spi.ErrorHandler;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.ReconnectingWebSocket.Handler;
import io.tradeserver.venue.ReconnectingWebSocket.RequestFactory;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Builder; venue, channel, http, requests, handler, clock and scheduler are required. */
public final class ReconnectingWebSocketBuilder {
  String venue;
  Channel channel;
  OkHttpClient http;
  RequestFactory requests;
  Handler handler;
  Clock clock;
  Scheduler scheduler;
  VenueListener listener;
  ErrorHandler errors;
  Backoff backoff;
  Duration maxLifetime;
  Duration rotationLead = Duration.ofMinutes(5);
  Duration idleTimeout;

  public ReconnectingWebSocketBuilder venue(String v) {
    venue = v;
    return this;
  }

  public ReconnectingWebSocketBuilder channel(Channel v) {
    channel = v;
    return this;
  }

  public ReconnectingWebSocketBuilder http(OkHttpClient v) {
    http = v;
    return this;
  }

  public ReconnectingWebSocketBuilder requests(RequestFactory v) {
    requests = v;
    return this;
  }

  public ReconnectingWebSocketBuilder url(String url) {
    requests = RequestFactory.fixed(url);
    return this;
  }

  public ReconnectingWebSocketBuilder handler(Handler v) {
    handler = v;
    return this;
  }

  public ReconnectingWebSocketBuilder clock(Clock v) {
    clock = v;
    return this;
  }

  public ReconnectingWebSocketBuilder scheduler(Scheduler v) {
    scheduler = v;
    return this;
  }

  /** Receives {@link ConnectionEvent}s; optional. */
  public ReconnectingWebSocketBuilder listener(VenueListener v) {
    listener = v;
    return this;
  }

  public ReconnectingWebSocketBuilder errorHandler(ErrorHandler v) {
    errors = v;
    return this;
  }

  public ReconnectingWebSocketBuilder backoff(Backoff v) {
    backoff = v;
    return this;
  }

  /** Rotate before a connection reaches this age (Binance: 24 h). None by default. */
  public ReconnectingWebSocketBuilder maxLifetime(Duration v) {
    maxLifetime = v;
    return this;
  }

  /** How long before {@code maxLifetime} the replacement is opened; default 5 minutes. */
  public ReconnectingWebSocketBuilder rotationLead(Duration v) {
    rotationLead = Objects.requireNonNull(v);
    return this;
  }

  /** Reconnect when nothing arrives for this long. None by default. */
  public ReconnectingWebSocketBuilder idleTimeout(Duration v) {
    idleTimeout = v;
    return this;
  }

  public ReconnectingWebSocket build() {
    return new ReconnectingWebSocket(this);
  }
}
