package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.event.Channel;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.ReconnectingWebSocket;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
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
  private final WsApiRequests requests;
  private final ServerTime serverTime;
  private final VenueLimits limits;
  private final Throttle throttle;
  private final OrderEvents events;
  private final RestOrders restOrders;
  private final Consumer<Runnable> clockResync;
  private final Emitter out;
  private final WsApiCalls calls;
  private final Predicate<String> placement;
  private final boolean sessionLogon;
  // The connection taking orders is authenticated: requests go unsigned. Only a connection that is
  // ready takes orders, and one becomes ready once logged on (true) or refused (false), so the flag
  // follows the connections through reconnects and rotations without being reset in between.
  private volatile boolean loggedOn;
  private ReconnectingWebSocket socket;

  /**
   * A request about an order: answered with the order, or refused (the venue's error, or a bare
   * status); -1021 re-measures time and re-sends once.
   */
  private abstract class OrderCall extends WsApiCalls.Call {
    OrderCall(int attempt) {
      super(attempt);
    }

    abstract void succeeded(OrderResult order);

    abstract void failed(VenueError e, BinanceErrors.Outcome outcome);

    @Override
    final void answered(WsApiResponse r) {
      if (r.status == 200 && r.order != null) {
        succeeded(r.order);
        return;
      }
      VenueError e = r.errorOrStatus();
      BinanceErrors.Outcome o = BinanceErrors.outcome(e);
      throttle.onError(e, o);
      if (o == BinanceErrors.Outcome.BAD_TIMESTAMP && attempt == 0) {
        clockResync.accept(() -> send(retry()));
        return;
      }
      failed(e, o);
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
    this.requests = new WsApiRequests(config, signer, serverTime);
    this.serverTime = serverTime;
    this.limits = limits;
    this.throttle = new Throttle(limits, out);
    this.events = events;
    this.restOrders = restOrders;
    this.clockResync = clockResync;
    this.out = out;
    this.sessionLogon = config.keyType() == BinanceConfig.KeyType.ED25519;
    this.calls =
        new WsApiCalls(context.scheduler(), context.clock(), config.requestTimeout(), out::bug);
    this.placement = id -> calls.get(id) instanceof Place;
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

  private void send(WsApiCalls.Call c) {
    calls.send(
        c,
        loggedOn,
        request -> {
          ReconnectingWebSocket s = socket;
          return s != null && s.send(request);
        });
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    if (sessionLogon) {
      calls.send(new Logon(session, 0), false, session::send); // ready once answered
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
    calls.answer(r); // dropped when already timed out and reported as unknown
  }

  @Override
  public void onDisconnected(String reason) {
    calls.lost(reason);
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

  private final class Place extends OrderCall {
    private final OrderRequest o;

    Place(OrderRequest o, int attempt) {
      super(attempt);
      this.o = o;
    }

    @Override
    String request(String id, boolean session) {
      return requests.place(id, o, session);
    }

    @Override
    void succeeded(OrderResult order) {
      events.placed(o, order);
    }

    @Override
    void failed(VenueError e, BinanceErrors.Outcome outcome) {
      events.placeFailed(o, e, outcome);
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
    WsApiCalls.Call retry() {
      return new Place(o, attempt + 1);
    }
  }

  /** A request about an order already sent: a lost answer is a retryable failed request. */
  private abstract class OnOrder extends OrderCall {
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
      return requests.cancel(id, inst, clientOrderId, exchangeOrderId, session);
    }

    @Override
    void succeeded(OrderResult order) {
      events.canceled(inst, clientOrderId, order);
    }

    @Override
    void failed(VenueError e, BinanceErrors.Outcome outcome) {
      events.cancelFailed(inst, clientOrderId, e, outcome);
    }

    @Override
    WsApiCalls.Call retry() {
      return new Cancel(inst, clientOrderId, exchangeOrderId, attempt + 1);
    }
  }

  private final class Status extends OnOrder {
    Status(Instrument inst, String clientOrderId, int attempt) {
      super(RequestKind.QUERY_ORDER, inst, clientOrderId, attempt);
    }

    @Override
    String request(String id, boolean session) {
      return requests.status(id, inst, clientOrderId, session);
    }

    @Override
    void succeeded(OrderResult order) {
      restOrders.onQueried(inst, clientOrderId, order);
    }

    @Override
    void failed(VenueError e, BinanceErrors.Outcome outcome) {
      restOrders.onQueryFailed(inst, clientOrderId, e, outcome);
    }

    @Override
    WsApiCalls.Call retry() {
      return new Status(inst, clientOrderId, attempt + 1);
    }
  }

  /**
   * {@code session.logon} on a new connection (Ed25519 keys only): the connection takes orders once
   * it is answered. Refused, it falls back to signed requests; unanswered, the connection is
   * dropped and the next one logs on again; -1021 re-measures time and tries once more.
   */
  private final class Logon extends WsApiCalls.Call {
    private final ReconnectingWebSocket.Session session;

    Logon(ReconnectingWebSocket.Session session, int attempt) {
      super(attempt);
      this.session = session;
    }

    @Override
    String request(String id, boolean loggedOnAlready) {
      return requests.logon(id);
    }

    @Override
    void answered(WsApiResponse r) {
      if (r.status == 200) {
        loggedOn = true;
        session.ready();
        return;
      }
      VenueError e = r.errorOrStatus();
      if (BinanceErrors.outcome(e) == BinanceErrors.Outcome.BAD_TIMESTAMP && attempt == 0) {
        clockResync.accept(() -> calls.send(retry(), false, session::send));
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
    WsApiCalls.Call retry() {
      return new Logon(session, attempt + 1);
    }
  }
}
