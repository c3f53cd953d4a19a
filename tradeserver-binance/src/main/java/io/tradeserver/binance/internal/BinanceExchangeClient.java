package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.Backoff;
import io.tradeserver.venue.NetworkFailures;
import io.tradeserver.venue.ServerTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance spot {@link ExchangeClient}: wires the raw REST client, the WebSocket API private
 * stream and (optionally) order entry, the market streams and the one mapping into events. Commands
 * are non-blocking and thread-safe; events are emitted on OkHttp and WebSocket threads.
 *
 * <p>HTTP clients, all derived from the host's shared client: REST reads use it with the request
 * timeout as call timeout; orders, cancels and cancel-alls use an order client that never retries
 * by itself ({@link NetworkFailures#orderClient}) and has its own {@link Dispatcher} allowing
 * {@code maxInFlightOrders} concurrent requests per host (OkHttp's default is 5, which would queue
 * a burst of orders behind each other) and its own connection pool keeping as many connections warm
 * (the shared pool keeps 5 idle, so every burst would open new TLS connections). WebSockets use the
 * shared client with a ping interval.
 */
public final class BinanceExchangeClient
    implements ExchangeClient, io.tradeserver.spi.RateLimitAware {
  private static final Logger log = LoggerFactory.getLogger(BinanceExchangeClient.class);

  private final BinanceConfig config;
  private final ExchangeContext context;
  private final Emitter out;
  private final OkHttpClient orderHttp;
  private final TimeSync timeSync;
  private final VenueLimits limits;
  private final Instruments instruments = new Instruments();
  private final RestTransport transport;
  private final RestAccount account;
  private final RestOrders restOrders;
  private final MarketStreams market;
  private final MarketRequests marketRequests;
  private final UserDataStream userData;
  private final WsApiOrders wsOrders;
  private final Set<Capability> capabilities;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicInteger loadAttempts = new AtomicInteger();
  private final Backoff backoff = Backoff.defaults();
  private volatile boolean closed;

  public BinanceExchangeClient(ExchangeContext context) {
    this(BinanceConfig.from(context.config()), context);
  }

  public BinanceExchangeClient(BinanceConfig config, ExchangeContext context) {
    this.config = config;
    this.context = context;
    this.out = new Emitter(context);
    OkHttpClient shared = context.httpClient();
    OkHttpClient http = shared.newBuilder().callTimeout(config.requestTimeout()).build();
    this.orderHttp = orderClient(shared, config);
    OkHttpClient wsHttp =
        shared
            .newBuilder()
            .pingInterval(config.wsPingInterval())
            .callTimeout(java.time.Duration.ZERO)
            .build();
    Signer signer =
        config.credentials() == null ? null : Signer.of(config.keyType(), config.credentials());
    ServerTime serverTime = new ServerTime(context.clock());
    this.limits = new VenueLimits(out.venue(), context.clock(), config.rateLimitOverrides());
    this.transport =
        new RestTransport(
            config.restUrl(),
            http,
            orderHttp,
            limits,
            serverTime,
            signer,
            config.credentials() == null ? null : config.credentials().apiKey(),
            config.recvWindowMillis(),
            out);
    this.timeSync = new TimeSync(transport, serverTime, out);
    transport.clockResync(timeSync::resync);
    OrderEvents events = new OrderEvents(out);
    this.account = new RestAccount(transport, events, instruments, out);
    this.restOrders =
        new RestOrders(
            transport, events, account, instruments, out, config.orderResponseType().name());
    this.market = new MarketStreams(config, context, wsHttp, transport, out);
    this.marketRequests = new MarketRequests(transport, out);
    boolean trading = signer != null;
    this.userData =
        trading
            ? new UserDataStream(
                config,
                context,
                wsHttp,
                signer,
                serverTime,
                limits,
                new UserEvents(instruments, out),
                this::reconcile,
                () -> timeSync.resync(() -> {}),
                out)
            : null;
    this.wsOrders =
        trading && config.webSocketOrderEntry()
            ? new WsApiOrders(
                config,
                context,
                wsHttp,
                signer,
                serverTime,
                limits,
                events,
                restOrders,
                timeSync::resync,
                out)
            : null;
    this.capabilities = capabilities(trading);
  }

  private static OkHttpClient orderClient(OkHttpClient shared, BinanceConfig config) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(config.maxInFlightOrders());
    dispatcher.setMaxRequestsPerHost(config.maxInFlightOrders());
    return NetworkFailures.orderClient(shared)
        .newBuilder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(config.maxInFlightOrders(), 5, TimeUnit.MINUTES))
        .callTimeout(config.requestTimeout())
        .build();
  }

  private static Set<Capability> capabilities(boolean trading) {
    Set<Capability> c =
        EnumSet.of(
            Capability.ORDER_BOOK_STREAM,
            Capability.TRADE_STREAM,
            Capability.TICKER,
            Capability.BOOK_SNAPSHOT);
    if (trading) {
      c.addAll(
          EnumSet.of(
              Capability.LIMIT_ORDER,
              Capability.MARKET_ORDER,
              Capability.POST_ONLY,
              Capability.MARKET_BY_QUOTE_QUANTITY,
              Capability.IOC,
              Capability.FOK,
              Capability.CANCEL,
              Capability.CANCEL_ALL,
              Capability.QUERY_ORDER,
              Capability.OPEN_ORDERS,
              Capability.BALANCES,
              Capability.PRIVATE_STREAM,
              Capability.WEBSOCKET_ORDER_ENTRY));
    }
    return Set.copyOf(c);
  }

  /** REQUEST_WEIGHT and ORDERS headroom, for metrics. */
  @Override
  public java.util.List<io.tradeserver.venue.RateLimiter.Headroom> rateLimitHeadroom() {
    return limits.headroom();
  }

  @Override
  public String venue() {
    return out.venue();
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /** The effective configuration. */
  public BinanceConfig config() {
    return config;
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    timeSync.startPeriodic(context.scheduler(), config.timeSyncInterval());
    timeSync.resync(this::loadInstruments);
  }

  /** {@code GET /api/v3/exchangeInfo} (weight 20); retried with backoff until it succeeds. */
  private void loadInstruments() {
    if (closed) {
      return;
    }
    transport.send(
        RestTransport.Spec.get("/api/v3/exchangeInfo", 20, false, null),
        new BodyHandler(
            body -> {
              ExchangeInfo info =
                  InstrumentParse.parse(body, out.venue(), new HashSet<>(config.symbols()));
              if (!info.rateLimits().isEmpty()) {
                limits.configure(info.rateLimits());
              }
              instruments.replace(info.instruments());
              log.info("{} loaded {} instruments", out.venue(), info.instruments().size());
              out.emit(new InstrumentsLoaded(out.venue(), info.instruments(), out.now()));
              startPrivate();
            },
            (detail, retryable) -> {
              out.requestFailed(RequestKind.INSTRUMENTS, null, null, true, detail);
              long delay = backoff.delayNanos(loadAttempts.getAndIncrement());
              context.scheduler().schedule(delay, this::loadInstruments);
            }));
  }

  private void startPrivate() {
    if (userData != null && !closed) {
      userData.start();
    }
    if (wsOrders != null && !closed) {
      wsOrders.start();
    }
  }

  /** Open orders and balances, after the private stream (re)starts. */
  private void reconcile() {
    account.openOrders(null);
    account.balances();
  }

  @Override
  public void submit(OrderRequest order) {
    requireTrading(Capability.LIMIT_ORDER);
    if (wsOrders != null) {
      wsOrders.submit(order);
    } else {
      restOrders.submit(order);
    }
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    requireTrading(Capability.CANCEL);
    if (wsOrders != null) {
      wsOrders.cancel(instrument, clientOrderId, exchangeOrderId);
    } else {
      restOrders.cancel(instrument, clientOrderId, exchangeOrderId);
    }
  }

  @Override
  public void cancelAll(Instrument instrument) {
    requireTrading(Capability.CANCEL_ALL);
    restOrders.cancelAll(instrument);
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    requireTrading(Capability.QUERY_ORDER);
    if (wsOrders != null) {
      wsOrders.query(instrument, clientOrderId);
    } else {
      restOrders.query(instrument, clientOrderId);
    }
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    requireTrading(Capability.OPEN_ORDERS);
    account.openOrders(instrument);
  }

  @Override
  public void requestBalances() {
    requireTrading(Capability.BALANCES);
    account.balances();
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    market.subscribeBook(instrument, depth);
  }

  @Override
  public void subscribeTrades(Instrument instrument) {
    market.subscribeTrades(instrument);
  }

  /** {@code GET /api/v3/ticker/24hr} (weight 2); public, so available without credentials. */
  @Override
  public void requestTicker(Instrument instrument) {
    marketRequests.ticker(instrument);
  }

  /**
   * {@code GET /api/v3/depth} with the smallest limit of 5, 10, 20, 50, 100, 500, 1000, 5000 that
   * covers {@code depth}, truncated to {@code depth}; never touches a subscribed local book.
   *
   * @throws IllegalArgumentException when {@code depth < 1}
   */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    marketRequests.book(instrument, depth);
  }

  private void requireTrading(Capability c) {
    if (!capabilities.contains(c)) {
      throw new UnsupportedOperationException(out.venue() + ": " + c + " needs credentials");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    timeSync.stop();
    market.close();
    if (userData != null) {
      userData.close();
    }
    if (wsOrders != null) {
      wsOrders.close();
    }
    orderHttp.dispatcher().executorService().shutdown();
    orderHttp.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "BinanceExchangeClient[" + config + "]";
  }
}
