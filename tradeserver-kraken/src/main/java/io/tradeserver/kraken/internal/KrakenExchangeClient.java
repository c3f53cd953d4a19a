package io.tradeserver.kraken.internal;

import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.kraken.KrakenConfig;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.Backoff;
import io.tradeserver.venue.NetworkFailures;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Kraken spot {@link ExchangeClient}: REST or WebSocket v2 order entry ({@code orderEntry}), REST
 * reads, REST ticker and book snapshots, WebSocket v2 book and executions streams,
 * CancelAllOrdersAfter as the dead-man switch. Commands are non-blocking and thread-safe; every
 * outcome is an event on the context's listener.
 *
 * <p>Private calls use an order client derived from the shared OkHttp client that never retries by
 * itself, times out after {@code requestTimeout} and has its own dispatcher ({@code maxRequests},
 * all to one host) so many orders can be in flight without queueing behind OkHttp's default five
 * per host; signed calls are still released to it one at a time per key unless a nonce window
 * allows more (see {@link KrakenRest}).
 */
public final class KrakenExchangeClient
    implements ExchangeClient, io.tradeserver.spi.RateLimitAware {
  private final AdapterCore core;
  private final QueryCommands queries;
  private final OrderCommands orders;
  private final BookStream books;
  private final MarketDataRequests marketData;
  private final ExecutionStream executions;
  private final Backoff instrumentBackoff = Backoff.defaults();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Set<Capability> capabilities;
  private volatile boolean closed;

  public KrakenExchangeClient(KrakenConfig config, ExchangeContext ctx) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(ctx, "ctx");
    OkHttpClient shared = ctx.httpClient();
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(config.maxRequests());
    dispatcher.setMaxRequestsPerHost(config.maxRequests());
    // Its own pool keeping an idle connection per admitted call: the shared pool keeps 5, so with
    // more private calls in flight connections were closed and reopened on every answer.
    OkHttpClient orderHttp =
        NetworkFailures.orderClient(shared)
            .newBuilder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(config.maxRequests(), 5, TimeUnit.MINUTES))
            .callTimeout(config.requestTimeout())
            .build();
    Signer signer = config.hasCredentials() ? new Signer(config.credentials()) : null;
    NonceSource nonces = new NonceSource(ctx.clock(), config.nonceFile());
    KrakenRest rest =
        new KrakenRest(
            config.restUrl(), shared, orderHttp, signer, nonces, config.privateConcurrency());
    this.core =
        new AdapterCore(
            ctx, config, rest, new KrakenLimits(config.venue(), ctx.clock(), config.tier()));
    this.queries = new QueryCommands(core);
    OrderOutcomes outcomes = new OrderOutcomes(core);
    AtomicLong reqIds = new AtomicLong();
    WsOrders ws = config.webSocketOrderEntry() ? new WsOrders(core, outcomes, reqIds) : null;
    this.orders = new OrderCommands(core, queries, outcomes, ws);
    this.books = new BookStream(core);
    this.marketData = new MarketDataRequests(core);
    this.executions =
        config.hasCredentials() ? new ExecutionStream(core, queries, reqIds, ws) : null;
    if (ws != null) {
      ws.attach(executions);
    }
    this.capabilities = capabilities(config.hasCredentials());
  }

  /** With credentials: trading, including WebSocket order entry (whichever path is configured). */
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
              Capability.MARKET_PROTECTION_PRICE,
              Capability.IOC,
              Capability.CANCEL,
              Capability.CANCEL_ALL,
              Capability.QUERY_ORDER,
              Capability.OPEN_ORDERS,
              Capability.BALANCES,
              Capability.PRIVATE_STREAM,
              Capability.WEBSOCKET_ORDER_ENTRY,
              Capability.DEAD_MAN_SWITCH));
    }
    return Set.copyOf(c);
  }

  /** REST counter and trading counters headroom, for metrics. */
  @Override
  public java.util.List<io.tradeserver.venue.RateLimiter.Headroom> rateLimitHeadroom() {
    return core.limits.headroom();
  }

  @Override
  public String venue() {
    return core.venue;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    loadInstruments(0);
  }

  private void loadInstruments(int attempt) {
    if (closed) {
      return;
    }
    queries.loadInstruments(
        this::afterInstruments,
        e -> {
          core.emit(
              new RequestFailed(
                  core.venue, RequestKind.INSTRUMENTS, null, null, true, e.toString(), core.now()));
          core.ctx
              .scheduler()
              .schedule(instrumentBackoff.delayNanos(attempt), () -> loadInstruments(attempt + 1));
        });
  }

  private void afterInstruments() {
    if (executions == null || closed) {
      return;
    }
    executions.start();
    queries.requestBalances();
    queries.requestOpenOrders(null);
  }

  @Override
  public void submit(OrderRequest order) {
    require(Capability.LIMIT_ORDER);
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
    orders.cancelAll(instrument);
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    require(Capability.QUERY_ORDER);
    queries.queryOrder(instrument, clientOrderId);
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    require(Capability.OPEN_ORDERS);
    queries.requestOpenOrders(instrument);
  }

  @Override
  public void requestBalances() {
    require(Capability.BALANCES);
    queries.requestBalances();
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    Market m = core.markets.byId(instrument.id());
    if (m == null) {
      core.emit(
          new RequestFailed(
              core.venue,
              RequestKind.SUBSCRIBE,
              instrument.id(),
              null,
              false,
              "unknown pair",
              core.now()));
      return;
    }
    books.subscribe(m, Math.max(1, Math.min(depth, 1000)));
  }

  /** One {@code Ticker} from REST {@code Ticker}, or one {@code RequestFailed(TICKER)}. */
  @Override
  public void requestTicker(Instrument instrument) {
    marketData.requestTicker(instrument);
  }

  /**
   * One {@code BookUpdate} from REST {@code Depth} ({@code count} = depth, at most 500), or one
   * {@code RequestFailed(BOOK_SNAPSHOT)}; a subscribed book is not affected.
   *
   * @throws IllegalArgumentException when {@code depth < 1}
   */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    marketData.requestBook(instrument, depth);
  }

  /**
   * Arms Kraken's CancelAllOrdersAfter with {@code timeout} (whole seconds, rounded up); zero
   * disarms. The caller re-arms before it expires (Kraken recommends a 60 s timeout re-armed every
   * 15-30 s) from the loop whose liveness it vouches for.
   */
  @Override
  public void armDeadManSwitch(Duration timeout) {
    require(Capability.DEAD_MAN_SWITCH);
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0, was " + timeout);
    }
    orders.armDeadManSwitch(timeout);
  }

  private void require(Capability c) {
    if (!capabilities.contains(c)) {
      throw new UnsupportedOperationException(
          core.venue + ": " + c + " needs API credentials (market data only)");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    books.close();
    if (executions != null) {
      executions.close();
    }
    core.rest.close();
  }
}
