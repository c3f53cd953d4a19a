package io.tradeserver.kucoin.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestKind;
import io.tradeserver.kucoin.KucoinConfig;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.NetworkFailures;
import io.tradeserver.venue.ServerTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The KuCoin spot {@link ExchangeClient}: HF order entry over signed REST, the private order and
 * balance stream, level-2 books on the public stream, tickers and book snapshots on request.
 * Commands are non-blocking and thread-safe; events are emitted on OkHttp and WebSocket threads.
 *
 * <p>Order requests use their own OkHttp client derived from the shared one: no silent retry (a
 * POST is never sent twice) and a dispatcher admitting {@code maxInFlightOrders} concurrent
 * requests (the OkHttp default of 5 per host would queue orders behind each other).
 */
public final class KucoinExchangeClient
    implements ExchangeClient, io.tradeserver.spi.RateLimitAware {
  private final KucoinConfig config;
  private final ExchangeContext context;
  private final Emitter out;
  private final Instruments instruments;
  private final OkHttpClient orderHttp;
  private final KucoinRateLimits limits;
  private final ServerTime serverTime;
  private final TimeSync timeSync;
  private final OrderCommands orders;
  private final AccountCommands account;
  private final MarketData market;
  private final MarketRequests marketRequests;
  private final TradeFees fees;
  private final KucoinSocket privateSocket;
  private final Set<Capability> capabilities;
  private boolean started;
  private volatile boolean closed;

  public KucoinExchangeClient(ExchangeContext context, KucoinConfig config) {
    this.config = config;
    this.context = context;
    this.out = new Emitter(config.venue(), context.listener(), context.clock());
    this.instruments = new Instruments(config.venue());
    this.orderHttp = orderClient(context.httpClient(), config);
    this.limits = new KucoinRateLimits(config, context.clock());
    this.serverTime = new ServerTime(context.clock());
    Alerts alerts = new Alerts();
    KucoinRest rest = rest(serverTime, alerts);
    this.timeSync =
        new TimeSync(
            config.venue(),
            rest,
            serverTime,
            context.clock(),
            context.scheduler(),
            config.timeSyncInterval());
    alerts.timeSync = timeSync;
    this.orders = new OrderCommands(rest, out, instruments);
    this.account = new AccountCommands(rest, out, instruments, context.scheduler());
    this.market =
        new MarketData(
            rest,
            out,
            context.scheduler(),
            config.fullBookSnapshot(),
            sink -> socket(Channel.MARKET_STREAM, rest, sink));
    this.marketRequests = new MarketRequests(rest, out, config.hasCredentials());
    this.fees =
        config.hasCredentials()
            ? new TradeFees(config, rest, instruments, context.scheduler())
            : null;
    this.privateSocket = config.hasCredentials() ? privateSocket(rest) : null;
    this.capabilities = capabilities(config.hasCredentials());
  }

  /**
   * The order-entry client: derived from the shared one, never retrying a request by itself, with a
   * dispatcher admitting {@code maxInFlightOrders} concurrent calls and its own connection pool
   * keeping as many idle connections. The shared pool keeps OkHttp's default of 5, so with more
   * orders in flight every answer beyond the fifth closed its connection and the next order opened
   * a new one (p99 above 100 ms at 64 in flight in the load test).
   */
  static OkHttpClient orderClient(OkHttpClient shared, KucoinConfig config) {
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

  private KucoinRest rest(ServerTime serverTime, Alerts alerts) {
    OkHttpClient http =
        context.httpClient().newBuilder().callTimeout(config.requestTimeout()).build();
    KucoinSigner signer =
        config.hasCredentials()
            ? new KucoinSigner(config.credentials(), config.apiKeyVersion())
            : null;
    return new KucoinRest(
        config.venue(),
        config.restUrl(),
        http,
        orderHttp,
        signer,
        limits,
        serverTime,
        context.clock(),
        alerts,
        context.errorHandler());
  }

  private KucoinSocket privateSocket(KucoinRest rest) {
    KucoinSocket s =
        socket(
            Channel.PRIVATE_STREAM,
            rest,
            new PrivateStream(out, instruments, fees, this::reconcile));
    s.subscribe(PrivateStream.ORDERS);
    s.subscribe(PrivateStream.BALANCE);
    return s;
  }

  private KucoinSocket socket(Channel channel, KucoinRest rest, KucoinSocket.Sink sink) {
    return new KucoinSocket(
        config.venue(),
        channel,
        rest,
        context.httpClient(),
        context.clock(),
        context.scheduler(),
        context.listener(),
        context.errorHandler(),
        config.wsIdleTimeout(),
        sink);
  }

  private static Set<Capability> capabilities(boolean trading) {
    Set<Capability> c =
        EnumSet.of(Capability.ORDER_BOOK_STREAM, Capability.TICKER, Capability.BOOK_SNAPSHOT);
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
              Capability.PRIVATE_STREAM));
    }
    return Set.copyOf(c);
  }

  @Override
  public String venue() {
    return config.venue();
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Measures the server clock, loads instruments, then (with credentials) starts fetching the fee
   * rates, reports balances and open orders and opens the private stream, which reconciles again
   * once subscribed. The fee fetch runs alongside: nothing waits for it.
   */
  @Override
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    timeSync.startPeriodic();
    timeSync.measure(() -> account.loadInstruments(this::afterInstruments));
  }

  private void afterInstruments() {
    if (privateSocket == null || closed) {
      return;
    }
    fees.start();
    reconcile();
    privateSocket.start();
  }

  /** Reports open orders and balances (after start and after every private-stream gap). */
  private void reconcile() {
    if (!closed) {
      account.requestOpenOrders(null);
      account.requestBalances();
    }
  }

  @Override
  public void submit(OrderRequest order) {
    require(Capability.LIMIT_ORDER);
    if (closed) {
      out.emit(
          new OrderRejected(
              config.venue(),
              order.instrumentId(),
              order.clientOrderId(),
              RejectCode.VENUE_UNAVAILABLE,
              null,
              "client closed",
              out.now()));
      return;
    }
    orders.submit(order);
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    require(Capability.CANCEL);
    orders.cancel(instrument, clientOrderId, exchangeOrderId);
  }

  @Override
  public void cancelAll(Instrument instrument) {
    require(Capability.CANCEL_ALL);
    account.cancelAll(instrument);
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    require(Capability.QUERY_ORDER);
    orders.query(instrument, clientOrderId);
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    require(Capability.OPEN_ORDERS);
    account.requestOpenOrders(instrument);
  }

  @Override
  public void requestBalances() {
    require(Capability.BALANCES);
    account.requestBalances();
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    market.subscribeBook(instrument, depth > 0 ? depth : config.bookDepth());
  }

  /**
   * One {@code Ticker} from KuCoin's level-1 endpoint: bid, ask, their sizes and the last price; no
   * 24 h volume (null). Public: needs no credentials.
   */
  @Override
  public void requestTicker(Instrument instrument) {
    if (!refusedWhenClosed(RequestKind.TICKER, instrument)) {
      marketRequests.ticker(instrument);
    }
  }

  /**
   * One {@code BookUpdate} of the top {@code depth} levels (the configured {@code bookDepth} when
   * {@code depth <= 0}) from a REST snapshot; a subscribed book is not touched.
   */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    if (!refusedWhenClosed(RequestKind.BOOK_SNAPSHOT, instrument)) {
      marketRequests.book(instrument, depth);
    }
  }

  /** After {@link #close()}, a request is answered by a non-retryable {@code RequestFailed}. */
  private boolean refusedWhenClosed(RequestKind kind, Instrument instrument) {
    if (closed) {
      out.requestFailed(kind, instrument.id(), null, false, "client closed");
    }
    return closed;
  }

  private void require(Capability c) {
    if (!capabilities.contains(c)) {
      throw new UnsupportedOperationException(
          config.venue() + ": " + c + " needs API credentials (none configured)");
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    timeSync.stop();
    account.close();
    market.close();
    if (fees != null) {
      fees.close();
    }
    if (privateSocket != null) {
      privateSocket.close();
    }
    orderHttp.dispatcher().executorService().shutdown();
  }

  /** The measured server-minus-local clock offset, for status and tests. */
  long serverOffsetMillis() {
    return serverTime.offsetMillis();
  }

  /** The account's known fee rates of a native symbol, or null; for status and tests. */
  TradeFees.Rates feeRates(String symbol) {
    return fees == null ? null : fees.rates(symbol);
  }

  /** Spot, Public and Management pool headroom, for metrics. */
  @Override
  public java.util.List<io.tradeserver.venue.RateLimiter.Headroom> rateLimitHeadroom() {
    return limits.headroom();
  }

  KucoinRateLimits limits() {
    return limits;
  }

  /** Client-wide consequences of venue answers. */
  private final class Alerts implements KucoinRest.Alerts {
    private volatile TimeSync timeSync;

    @Override
    public void rateLimited(long untilNanos, String detail) {
      out.alert(AlertKind.RATE_LIMITED, detail, untilNanos);
    }

    @Override
    public void authenticationFailed(String detail) {
      out.alert(AlertKind.AUTHENTICATION_FAILED, detail, 0);
    }

    @Override
    public void timestampRejected(String detail) {
      out.alert(AlertKind.CLOCK_SKEW, detail, 0);
      TimeSync t = timeSync;
      if (t != null) {
        t.remeasure();
      }
    }
  }
}
