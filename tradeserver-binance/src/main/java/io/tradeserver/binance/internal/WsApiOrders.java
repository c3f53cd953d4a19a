package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.event.Channel;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.RejectCode;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.ReconnectingWebSocket;
import io.tradeserver.venue.RequestTimeouts;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order entry over the WebSocket API ({@code order.place}, {@code order.cancel}, {@code
 * order.status}). With an HMAC key each request is signed on its own; with an Ed25519 key each
 * connection is authenticated once by {@code session.logon} and requests go unsigned (no signature,
 * ~40 us, on the engine thread that sends), falling back to signed requests if the venue refuses
 * the logon. A connection takes orders only once logged on. Answers are matched to requests by id
 * and mapped by the same {@link OrderEvents} as REST, so both paths emit the same events. A request
 * with no answer within {@code requestTimeout}, or in flight when the connection drops, has an
 * unknown outcome ({@code SubmitUnknown} / retryable {@code RequestFailed}); nothing is re-sent
 * except once after -1021.
 */
final class WsApiOrders implements ReconnectingWebSocket.Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WsApiOrders.class);
  private final BinanceConfig config;
  private final ExchangeContext context;
  private final OkHttpClient wsHttp;
  private final Signer signer;
  private final String apiKey;
  private final ServerTime serverTime;
  private final VenueLimits limits;
  private final Throttle throttle;
  private final OrderEvents events;
  private final RestOrders restOrders;
  private final Consumer<Runnable> clockResync;
  private final Emitter out;
  private final String responseType;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final RequestTimeouts<String> timeouts;
  private final Predicate<String> placement = id -> pending.get(id) instanceof Place;
  private final boolean sessionLogon;
  // The connection taking orders is authenticated: requests go unsigned. Only a connection that is
  // ready takes orders, and one becomes ready once logged on (true) or refused (false), so the flag
  // follows the connections through reconnects and rotations without being reset in between.
  private volatile boolean loggedOn;
  private ReconnectingWebSocket socket;

  /** A request awaiting its answer. */
  private abstract class Pending {
    final int attempt;

    Pending(int attempt) {
      this.attempt = attempt;
    }

    /**
     * The request's JSON; {@code session}: the connection is logged on, so without {@code apiKey}
     * and signature.
     */
    abstract String request(String id, boolean session);

    abstract void answered(WsApiResponse r);

    abstract void ambiguous(String why);

    abstract void notSent(String why);

    abstract Pending retry();

    /**
     * Handles an answer without a result (the venue's error, or a bare status); -1021 re-measures
     * time and re-sends once.
     */
    void refused(WsApiResponse r, BiConsumer<VenueError, BinanceErrors.Outcome> mapped) {
      VenueError e = r.error != null ? r.error : new VenueError(r.status, 0, "no result", 0);
      BinanceErrors.Outcome o = BinanceErrors.outcome(e);
      throttle.onError(e, o);
      if (o == BinanceErrors.Outcome.BAD_TIMESTAMP && attempt == 0) {
        clockResync.accept(() -> send(retry()));
        return;
      }
      mapped.accept(e, o);
    }
  }

  WsApiOrders(
      BinanceConfig config,
      ExchangeContext context,
      OkHttpClient wsHttp,
      Signer signer,
      ServerTime serverTime,
      VenueLimits limits,
      OrderEvents events,
      RestOrders restOrders,
      Consumer<Runnable> clockResync,
      Emitter out) {
    this.config = config;
    this.context = context;
    this.wsHttp = wsHttp;
    this.signer = signer;
    this.apiKey = config.credentials().apiKey();
    this.serverTime = serverTime;
    this.limits = limits;
    this.throttle = new Throttle(limits, out);
    this.events = events;
    this.restOrders = restOrders;
    this.clockResync = clockResync;
    this.out = out;
    this.responseType = config.orderResponseType().name();
    this.sessionLogon = config.keyType() == BinanceConfig.KeyType.ED25519;
    this.timeouts =
        new RequestTimeouts<>(
            context.scheduler(),
            context.clock(),
            config.requestTimeout().toNanos(),
            pending::containsKey,
            this::timedOut);
  }

  synchronized void start() {
    if (socket != null) {
      return;
    }
    socket =
        ReconnectingWebSocket.builder()
            .venue(out.venue())
            .channel(Channel.ORDER_ENTRY)
            .http(wsHttp)
            .url(config.wsApiUrl())
            .handler(this)
            .clock(context.clock())
            .scheduler(context.scheduler())
            .listener(context.listener())
            .errorHandler(context.errorHandler())
            .maxLifetime(config.wsMaxLifetime())
            .rotationLead(config.wsRotationLead())
            .build();
    socket.start();
  }

  void submit(OrderRequest o) {
    String why = OrderChecks.unsupported(o);
    if (why != null) {
      events.rejected(o, RejectCode.UNSUPPORTED_ORDER, null, why);
      return;
    }
    long wait = limits.tryAcquire(limits.order());
    if (wait > 0) {
      events.placeThrottled(o, wait);
      return;
    }
    send(new Place(o, 0));
  }

  void cancel(Instrument inst, String clientOrderId, String exchangeOrderId) {
    if (limits.tryAcquire(limits.weight(1)) > 0) {
      out.requestFailed(
          RequestKind.CANCEL, inst.id(), clientOrderId, true, "rate limited locally; not sent");
      return;
    }
    send(new Cancel(inst, clientOrderId, exchangeOrderId, 0));
  }

  void query(Instrument inst, String clientOrderId) {
    if (limits.tryAcquire(limits.weight(4)) > 0) {
      out.requestFailed(
          RequestKind.QUERY_ORDER,
          inst.id(),
          clientOrderId,
          true,
          "rate limited locally; not sent");
      return;
    }
    send(new Status(inst, clientOrderId, 0));
  }

  private void send(Pending p) {
    sendVia(
        p,
        request -> {
          ReconnectingWebSocket s = socket;
          return s != null && s.send(request);
        });
  }

  /** Sends {@code p} through {@code transport} (false: not sent), tracking its answer. */
  private void sendVia(Pending p, Predicate<String> transport) {
    String id = "o" + ids.incrementAndGet();
    String request;
    try {
      request = p.request(id, loggedOn);
    } catch (RuntimeException e) {
      out.bug(e);
      p.notSent("request not built: " + e);
      return;
    }
    pending.put(id, p);
    timeouts.add(id);
    if (!transport.test(request)) {
      if (pending.remove(id) != null) {
        p.notSent("WebSocket API not connected");
      }
    }
  }

  /** The start of a request: with {@code apiKey} unless the connection is logged on. */
  private WsApiRequest begin(String id, String method, boolean session) {
    WsApiRequest r = WsApiRequest.local(id, method);
    return session ? r : r.str("apiKey", apiKey);
  }

  private String end(WsApiRequest r, boolean session) {
    return session ? r.unsigned() : r.signed(signer);
  }

  private void timedOut(String id) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.ambiguous("no answer within " + config.requestTimeout());
    }
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    if (sessionLogon) {
      sendVia(new Logon(session, 0), session::send); // ready once answered
    } else {
      session.ready(); // every request is signed on its own: usable at once
    }
  }

  @Override
  public void onMessage(ReconnectingWebSocket.Session session, String text) {
    WsApiResponse r;
    try {
      r = WsApiResponse.parse(text, limits, serverTime.millis(), placement);
    } catch (IOException | RuntimeException e) {
      out.bug(new IllegalStateException("unreadable WebSocket API answer", e));
      return;
    }
    if (r.id == null) {
      return;
    }
    Pending p = pending.remove(r.id);
    if (p == null) {
      return; // already timed out and reported as unknown
    }
    p.answered(r);
  }

  @Override
  public void onDisconnected(String reason) {
    List<String> ids = new ArrayList<>(pending.keySet());
    for (String id : ids) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.ambiguous("connection lost: " + reason);
      }
    }
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

  private final class Place extends Pending {
    private final OrderRequest o;

    Place(OrderRequest o, int attempt) {
      super(attempt);
      this.o = o;
    }

    @Override
    String request(String id, boolean session) {
      // Parameters in alphabetical order (signature payload rule).
      WsApiRequest r =
          begin(id, "order.place", session)
              .str("newClientOrderId", o.clientOrderId())
              .str("newOrderRespType", responseType);
      if (o.type() != OrderType.MARKET) {
        r.dec("price", o.price().units(), o.price().scale());
      }
      if (o.quantity() != null) {
        r.dec("quantity", o.quantity().units(), o.quantity().scale());
      } else {
        r.dec("quoteOrderQty", o.quoteQuantity().units(), o.quoteQuantity().scale());
      }
      r.num("recvWindow", config.recvWindowMillis())
          .str("side", o.side().name())
          .str("symbol", o.instrument().nativeSymbol());
      if (o.type() == OrderType.LIMIT) {
        r.str("timeInForce", o.timeInForce().name());
      }
      return end(r.num("timestamp", serverTime.millis()).str("type", o.type().name()), session);
    }

    @Override
    void answered(WsApiResponse r) {
      if (r.status == 200 && r.order != null) {
        events.placed(o, r.order);
        return;
      }
      refused(r, (e, outcome) -> events.placeFailed(o, e, outcome));
    }

    @Override
    void ambiguous(String why) {
      events.unknown(o, why);
    }

    @Override
    void notSent(String why) {
      events.rejected(o, RejectCode.VENUE_UNAVAILABLE, null, why + "; not sent");
    }

    @Override
    Pending retry() {
      return new Place(o, attempt + 1);
    }
  }

  /** A request about an order already sent: a lost answer is a retryable failed request. */
  private abstract class OnOrder extends Pending {
    final Instrument inst;
    final String clientOrderId;
    private final RequestKind kind;

    OnOrder(RequestKind kind, Instrument inst, String clientOrderId, int attempt) {
      super(attempt);
      this.kind = kind;
      this.inst = inst;
      this.clientOrderId = clientOrderId;
    }

    @Override
    void ambiguous(String why) {
      out.requestFailed(kind, inst.id(), clientOrderId, true, why);
    }

    @Override
    void notSent(String why) {
      out.requestFailed(kind, inst.id(), clientOrderId, true, why + "; not sent");
    }
  }

  private final class Cancel extends OnOrder {
    private final String exchangeOrderId;

    Cancel(Instrument inst, String clientOrderId, String exchangeOrderId, int attempt) {
      super(RequestKind.CANCEL, inst, clientOrderId, attempt);
      this.exchangeOrderId = exchangeOrderId;
    }

    @Override
    String request(String id, boolean session) {
      WsApiRequest r = begin(id, "order.cancel", session);
      if (exchangeOrderId != null) {
        r.num("orderId", Long.parseLong(exchangeOrderId));
      } else {
        r.str("origClientOrderId", clientOrderId);
      }
      return end(
          r.num("recvWindow", config.recvWindowMillis())
              .str("symbol", inst.nativeSymbol())
              .num("timestamp", serverTime.millis()),
          session);
    }

    @Override
    void answered(WsApiResponse r) {
      if (r.status == 200 && r.order != null) {
        events.canceled(inst, clientOrderId, r.order);
        return;
      }
      refused(r, (e, outcome) -> events.cancelFailed(inst, clientOrderId, e, outcome));
    }

    @Override
    Pending retry() {
      return new Cancel(inst, clientOrderId, exchangeOrderId, attempt + 1);
    }
  }

  private final class Status extends OnOrder {
    Status(Instrument inst, String clientOrderId, int attempt) {
      super(RequestKind.QUERY_ORDER, inst, clientOrderId, attempt);
    }

    @Override
    String request(String id, boolean session) {
      return end(
          begin(id, "order.status", session)
              .str("origClientOrderId", clientOrderId)
              .num("recvWindow", config.recvWindowMillis())
              .str("symbol", inst.nativeSymbol())
              .num("timestamp", serverTime.millis()),
          session);
    }

    @Override
    void answered(WsApiResponse r) {
      if (r.status == 200 && r.order != null) {
        restOrders.onQueried(inst, clientOrderId, r.order);
        return;
      }
      refused(r, (e, outcome) -> restOrders.onQueryFailed(inst, clientOrderId, e, outcome));
    }

    @Override
    Pending retry() {
      return new Status(inst, clientOrderId, attempt + 1);
    }
  }

  /**
   * {@code session.logon} on a new connection (Ed25519 keys only): the connection takes orders once
   * it is answered. Refused, it falls back to signed requests; unanswered, the connection is
   * dropped and the next one logs on again; -1021 re-measures time and tries once more.
   */
  private final class Logon extends Pending {
    private final ReconnectingWebSocket.Session session;

    Logon(ReconnectingWebSocket.Session session, int attempt) {
      super(attempt);
      this.session = session;
    }

    @Override
    String request(String id, boolean loggedOnAlready) {
      return WsApiRequest.local(id, "session.logon")
          .str("apiKey", apiKey)
          .num("recvWindow", config.recvWindowMillis())
          .num("timestamp", serverTime.millis())
          .signed(signer);
    }

    @Override
    void answered(WsApiResponse r) {
      if (r.status == 200) {
        loggedOn = true;
        session.ready();
        return;
      }
      VenueError e = r.error != null ? r.error : new VenueError(r.status, 0, "no result", 0);
      if (BinanceErrors.outcome(e) == BinanceErrors.Outcome.BAD_TIMESTAMP && attempt == 0) {
        clockResync.accept(() -> sendVia(retry(), session::send));
        return;
      }
      log.warn(
          "{} session.logon refused ({}): orders on this connection are signed one by one",
          out.venue(),
          e.describe());
      loggedOn = false;
      session.ready();
    }

    @Override
    void ambiguous(String why) {
      session.abort("session.logon: " + why); // a connection that cannot take orders
    }

    @Override
    void notSent(String why) {
      // the connection is going away; the next one logs on
    }

    @Override
    Pending retry() {
      return new Logon(session, attempt + 1);
    }
  }
}
