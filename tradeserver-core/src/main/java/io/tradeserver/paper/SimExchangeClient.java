package io.tradeserver.paper;

import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A complete simulated venue ({@code sim}): instruments, books from a {@link SimulatedMarket},
 * matching, balances, fees, latency and fault injection. Commands are thread-safe (queued); all
 * work happens in {@link #doWork(long)} on the engine thread, so a test clock makes it exact.
 * Answers that a real venue gives over REST (acks, queries) survive a private-stream drop; stream
 * events (fills, cancels) during a drop are lost, as they would be, and the engine must reconcile.
 */
public final class SimExchangeClient implements ExchangeClient, EngineDriven {
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.LIMIT_ORDER,
          Capability.MARKET_ORDER,
          Capability.POST_ONLY,
          Capability.MARKET_PROTECTION_PRICE,
          Capability.IOC,
          Capability.FOK,
          Capability.CANCEL,
          Capability.CANCEL_ALL,
          Capability.QUERY_ORDER,
          Capability.OPEN_ORDERS,
          Capability.BALANCES,
          Capability.ORDER_BOOK_STREAM,
          Capability.BOOK_SNAPSHOT,
          Capability.TICKER,
          Capability.PRIVATE_STREAM);

  private final SimConfig config;
  private final ExchangeContext context;
  private final SimulatedMarket market;
  private final Map<String, SimInstrument> specs = new LinkedHashMap<>();
  private final Map<String, Instrument> instruments = new LinkedHashMap<>();
  private final Map<String, OrderBook> books = new HashMap<>();

  /** Finished orders beyond this many are forgotten, oldest first, so memory stays bounded. */
  static final int MAX_KEPT_ORDERS = 100_000;

  private final Map<String, SimOrder> orders = new LinkedHashMap<>(); // oldest first
  private final Map<String, SimOrder> resting = new LinkedHashMap<>(); // open after submit
  private final Map<InstrumentId, Integer> subscriptions = new HashMap<>();
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Object[]> outbox = new ArrayDeque<>(); // {dueNanos, event, private}
  private final Map<String, Integer> submissions = new ConcurrentHashMap<>();
  private final SimAccount account;
  private final SimMatcher matcher;
  private final SplittableRandom faults;
  private final SimControl control = new SimControl(this);
  private final long latencyNanos;
  private long now;
  private long nextStep = Long.MIN_VALUE;
  private long startedNanos = Long.MIN_VALUE;
  private long privateDownUntil = Long.MIN_VALUE;
  private long orderSeq;
  private boolean closed;
  // One-shot test hooks, set through SimControl (on the engine thread).
  RejectCode rejectNext;
  boolean loseNextAnswer;
  OrderStatusReport nextQuery;
  boolean booksFrozen;

  public SimExchangeClient(SimConfig config, ExchangeContext context, SimulatedMarket market) {
    this.config = config;
    this.context = context;
    this.market = market;
    this.account = new SimAccount(config.balances());
    this.matcher = new SimMatcher(config, account);
    this.faults = new SplittableRandom(config.seed() * 31 + 7);
    this.latencyNanos = config.latency().toNanos();
    for (SimInstrument s : config.instruments()) {
      market.add(s);
      Instrument in = toInstrument(s);
      specs.put(s.symbol(), s);
      instruments.put(s.symbol(), in);
      books.put(s.symbol(), OrderBook.of(in));
    }
  }

  private Instrument toInstrument(SimInstrument s) {
    Price tick = Price.parse(s.tickSize());
    Quantity step = Quantity.parse(s.stepSize());
    return Instrument.builder(
            InstrumentId.of(config.venue(), s.symbol()), s.symbol().replace("-", ""))
        .tickSize(tick)
        .stepSize(step)
        .minQuantity(Quantity.parse(s.minQuantity()).withScale(step.scale()))
        .minNotional(Quantity.parse(s.minNotional()))
        .build();
  }

  /** Test and demo controls: forced fills, one-shot faults, prices, balances. */
  public SimControl control() {
    return control;
  }

  @Override
  public String venue() {
    return config.venue();
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void start() {
    commands.add(
        () -> {
          startedNanos = now;
          emit(
              new InstrumentsLoaded(venue(), new ArrayList<>(instruments.values()), sent()), false);
          emit(
              new ConnectionEvent(
                  venue(), Channel.MARKET_STREAM, ConnectionState.CONNECTED, "sim", sent()),
              false);
          emit(
              new ConnectionEvent(
                  venue(), Channel.PRIVATE_STREAM, ConnectionState.CONNECTED, "sim", sent()),
              false);
          emit(new Balances(venue(), account.snapshot(), true, sent()), false);
          emit(new OpenOrders(venue(), null, List.of(), sent()), false);
        });
  }

  @Override
  public void submit(OrderRequest order) {
    submissions.merge(order.clientOrderId(), 1, Integer::sum);
    commands.add(() -> onSubmit(order));
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    commands.add(() -> onCancel(instrument, clientOrderId));
  }

  @Override
  public void cancelAll(Instrument instrument) {
    commands.add(
        () -> {
          for (SimOrder o : new ArrayList<>(orders.values())) {
            if (o.open()
                && (instrument == null || o.request.instrumentId().equals(instrument.id()))) {
              onCancel(o.request.instrument(), o.request.clientOrderId());
            }
          }
        });
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    commands.add(() -> onQuery(instrument, clientOrderId));
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    commands.add(() -> emit(openOrders(instrument), false));
  }

  @Override
  public void requestBalances() {
    commands.add(() -> emit(new Balances(venue(), account.snapshot(), true, sent()), false));
  }

  /**
   * The simulated book's top as a ticker (no last trade or volume: the sim does not track them).
   */
  @Override
  public void requestTicker(Instrument instrument) {
    commands.add(
        () -> {
          OrderBook b = books.get(instrument.symbol());
          Side bid = Side.BUY;
          Side ask = Side.SELL;
          boolean two = b != null && b.isTwoSided();
          emit(
              new io.tradeserver.event.Ticker(
                  venue(),
                  instrument.id(),
                  two ? b.bestBid() : null,
                  two ? Quantity.of(b.quantityAt(bid, 0), b.quantityScale()) : null,
                  two ? b.bestAsk() : null,
                  two ? Quantity.of(b.quantityAt(ask, 0), b.quantityScale()) : null,
                  null,
                  null,
                  sent()),
              false);
        });
  }

  /** A snapshot of the simulated book's top {@code depth} levels. */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    commands.add(
        () ->
            emit(
                BookUpdate.requested(
                    venue(), books.get(instrument.symbol()).snapshot(depth, sent()), sent()),
                false));
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    commands.add(() -> subscriptions.put(instrument.id(), depth));
  }

  @Override
  public void close() {
    commands.add(() -> closed = true);
  }

  /** Submissions received per client order id (contract test: "sent once"). */
  int submissions(String clientOrderId) {
    return submissions.getOrDefault(clientOrderId, 0);
  }

  void command(Runnable r) {
    commands.add(r);
  }

  SimulatedMarket market() {
    return market;
  }

  SimAccount account() {
    return account;
  }

  // ---- duty cycle ---------------------------------------------------------------------------

  @Override
  public int doWork(long nowNanos) {
    now = nowNanos;
    int work = 0;
    Runnable c;
    while ((c = commands.poll()) != null) {
      c.run();
      work++;
    }
    if (closed || startedNanos == Long.MIN_VALUE) {
      return work;
    }
    if (nowNanos >= nextStep) {
      stepMarket();
      nextStep = nowNanos + config.marketStep().toNanos();
      work++;
    }
    if (privateDownUntil != Long.MIN_VALUE && nowNanos >= privateDownUntil) {
      privateDownUntil = Long.MIN_VALUE;
      emit(
          new ConnectionEvent(
              venue(), Channel.PRIVATE_STREAM, ConnectionState.RECONNECTED, "sim", sent()),
          false);
      emit(openOrders(null), false);
      emit(new Balances(venue(), account.snapshot(), true, sent()), false);
    }
    return work + release(nowNanos);
  }

  private void stepMarket() {
    market.advanceTo(now);
    for (Map.Entry<String, SimInstrument> e : specs.entrySet()) {
      String symbol = e.getKey();
      OrderBook book = books.get(symbol);
      Instrument in = instruments.get(symbol);
      if (!booksFrozen) {
        matcher.rebuild(book, e.getValue(), in, market.midUnits(symbol), now);
      }
      for (SimOrder o : resting.values()) {
        if (o.open() && o.request.instrumentId().equals(in.id())) {
          matcher.matchResting(o, book, now, f -> emitFill(o, f));
        }
      }
      Integer depth = subscriptions.get(in.id());
      boolean stale =
          config.staleAfter() != null && now - startedNanos > config.staleAfter().toNanos();
      if (depth != null && !stale) {
        emit(new BookUpdate(venue(), book.snapshot(depth, sent()), sent()), false);
      }
    }
    resting.values().removeIf(o -> !o.open());
    forgetFinished();
  }

  /** Drops the oldest finished orders beyond {@link #MAX_KEPT_ORDERS}; open ones are kept. */
  private void forgetFinished() {
    Iterator<SimOrder> it = orders.values().iterator();
    while (orders.size() > MAX_KEPT_ORDERS && it.hasNext()) {
      SimOrder o = it.next();
      if (!o.open()) {
        it.remove();
        submissions.remove(o.request.clientOrderId());
      }
    }
  }

  private int release(long nowNanos) {
    int n = 0;
    Object[] head;
    while ((head = outbox.peekFirst()) != null && (long) head[0] <= nowNanos) {
      outbox.pollFirst();
      boolean privateStream = (boolean) head[2];
      if (!(privateStream && privateDownUntil != Long.MIN_VALUE)) {
        context.listener().onEvent((VenueEvent) head[1]);
      }
      n++;
    }
    return n;
  }

  private void emit(VenueEvent e, boolean privateStream) {
    outbox.addLast(new Object[] {now + latencyNanos, e, privateStream});
  }

  /** When an answer produced now reaches the engine: after the configured latency. */
  private long sent() {
    return now + latencyNanos;
  }

  // ---- commands -----------------------------------------------------------------------------

  private void onSubmit(OrderRequest r) {
    Instrument in = instruments.get(r.instrument().symbol());
    String cid = r.clientOrderId();
    if (in == null || r.quantity() == null) {
      emit(
          new OrderRejected(
              venue(),
              r.instrumentId(),
              cid,
              RejectCode.VENUE_REJECTED,
              "SIM-1121",
              in == null ? "unknown symbol" : "quote quantity not supported",
              sent()),
          false);
      return;
    }
    if (rejectNext != null || roll(config.rejectPpm())) {
      RejectCode code = rejectNext != null ? rejectNext : RejectCode.VENUE_REJECTED;
      rejectNext = null;
      emit(
          new OrderRejected(
              venue(),
              in.id(),
              cid,
              code,
              code == RejectCode.VENUE_INSUFFICIENT_BALANCE ? "SIM-2010" : "SIM-REJECT",
              "simulated rejection",
              sent()),
          false);
      return;
    }
    boolean lose = loseNextAnswer || roll(config.timeoutPpm());
    loseNextAnswer = false;
    if (roll(config.disconnectPpm())) {
      control.dropPrivateStream(config.disconnectFor());
    }
    SimOrder o = new SimOrder(r, venue() + "-" + (++orderSeq));
    OrderBook book = books.get(in.symbol());
    if (r.type() == OrderType.LIMIT_MAKER
        && o.priceUnits != 0
        && matcher.available(r.side(), o.priceUnits, book) > 0) {
      emit(
          new OrderRejected(
              venue(),
              in.id(),
              cid,
              RejectCode.POST_ONLY_WOULD_TAKE,
              "SIM-2010",
              "post-only order would take liquidity",
              sent()),
          false);
      return;
    }
    if (!affordable(o, book)) {
      emit(
          new OrderRejected(
              venue(),
              in.id(),
              cid,
              RejectCode.VENUE_INSUFFICIENT_BALANCE,
              "SIM-2010",
              "insufficient balance",
              sent()),
          false);
      return;
    }
    orders.put(cid, o);
    emit(
        lose
            ? new SubmitUnknown(venue(), in.id(), cid, "simulated timeout", sent())
            : new OrderAccepted(venue(), in.id(), cid, o.exchangeOrderId, sent()),
        false);
    execute(o, book);
    if (o.open()) {
      resting.put(cid, o);
    }
  }

  private void execute(SimOrder o, OrderBook book) {
    OrderRequest r = o.request;
    boolean fok = r.timeInForce() == TimeInForce.FOK;
    if (!(fok && matcher.available(r.side(), o.priceUnits, book) < o.quantityUnits)) {
      if (r.type() != OrderType.LIMIT_MAKER) {
        matcher.take(o, book, now, f -> emitFill(o, f));
      }
    }
    if (o.remaining() <= 0) {
      return;
    }
    boolean rests = r.type() != OrderType.MARKET && r.timeInForce() == TimeInForce.GTC;
    if (rests && matcher.lockForResting(o, o.priceUnits)) {
      return;
    }
    o.status = OrderStatus.EXPIRED;
    emit(
        new OrderExpired(venue(), r.instrumentId(), r.clientOrderId(), o.exchangeOrderId, sent()),
        true);
  }

  private boolean affordable(SimOrder o, OrderBook book) {
    Instrument in = o.request.instrument();
    if (o.request.side() == Side.SELL) {
      return account.free(in.id().base())
          >= Decimals.rescale(o.quantityUnits, in.quantityScale(), SimAccount.SCALE);
    }
    long price =
        o.priceUnits != 0
            ? o.priceUnits
            : book.depth(Side.SELL) > 0 ? book.priceAt(Side.SELL, 0) : 0;
    long need =
        Decimals.multiply(
            price,
            in.priceScale(),
            o.quantityUnits,
            in.quantityScale(),
            SimAccount.SCALE,
            RoundingMode.CEILING);
    return account.free(in.id().quote()) >= need;
  }

  void emitFill(SimOrder o, io.tradeserver.model.Fill f) {
    emit(
        new FillReport(
            venue(), f, Quantity.of(o.filledUnits, o.request.instrument().quantityScale()), sent()),
        true);
  }

  private void onCancel(Instrument instrument, String cid) {
    SimOrder o = orders.get(cid);
    if (o == null || !o.open()) {
      emit(
          new CancelRejected(
              venue(),
              instrument.id(),
              cid,
              RejectCode.UNKNOWN_ORDER,
              "SIM-2011",
              "unknown or closed order",
              sent()),
          false);
      return;
    }
    matcher.unlockResting(o, o.remaining());
    o.status = OrderStatus.CANCELED;
    emit(new OrderCanceled(venue(), instrument.id(), cid, o.exchangeOrderId, sent()), false);
  }

  private void onQuery(Instrument instrument, String cid) {
    if (nextQuery != null) {
      OrderStatusReport r = nextQuery;
      nextQuery = null;
      emit(r, false);
      return;
    }
    SimOrder o = orders.get(cid);
    if (o == null) {
      emit(new OrderNotFound(venue(), instrument.id(), cid, sent()), false);
      return;
    }
    for (io.tradeserver.model.Fill f : o.fills) {
      emit(new FillReport(venue(), f, null, sent()), false);
    }
    emit(report(o), false);
  }

  OrderStatusReport report(SimOrder o) {
    Instrument in = o.request.instrument();
    Price avg =
        o.filledUnits == 0
            ? null
            : Price.of(
                    Decimals.multiplyDivide(
                        o.filledCost,
                        Decimals.pow10(in.quantityScale()),
                        o.filledUnits,
                        RoundingMode.HALF_EVEN),
                    SimAccount.SCALE)
                .withScale(Math.min(SimAccount.SCALE, in.priceScale() + 4), RoundingMode.HALF_EVEN);
    return new OrderStatusReport(
        venue(),
        in.id(),
        o.request.clientOrderId(),
        o.exchangeOrderId,
        o.status,
        o.request.side(),
        o.request.type(),
        o.request.price(),
        o.request.quantity(),
        Quantity.of(o.filledUnits, in.quantityScale()),
        avg,
        sent());
  }

  private OpenOrders openOrders(Instrument scope) {
    List<OrderStatusReport> open = new ArrayList<>();
    for (SimOrder o : orders.values()) {
      if (o.open() && (scope == null || o.request.instrumentId().equals(scope.id()))) {
        open.add(report(o));
      }
    }
    return new OpenOrders(venue(), scope == null ? null : scope.id(), open, sent());
  }

  void matcherFill(
      SimOrder o,
      long priceUnits,
      long qtyUnits,
      io.tradeserver.model.Liquidity liq,
      String tradeId) {
    matcher.fill(
        o,
        priceUnits,
        qtyUnits,
        liq,
        now,
        f -> {
          io.tradeserver.model.Fill named =
              new io.tradeserver.model.Fill(
                  f.instrumentId(),
                  f.clientOrderId(),
                  f.exchangeOrderId(),
                  tradeId,
                  f.side(),
                  f.price(),
                  f.quantity(),
                  f.fee(),
                  f.feeAsset(),
                  f.liquidity(),
                  f.timeNanos());
          o.fills.set(o.fills.size() - 1, named);
          emitFill(o, named);
        });
    if (!o.open()) {
      matcher.unlockResting(o, 0);
    }
  }

  SimOrder order(String cid) {
    return orders.get(cid);
  }

  Instrument instrument(String symbol) {
    return instruments.get(symbol);
  }

  OrderBook book(String symbol) {
    return books.get(symbol);
  }

  long now() {
    return now;
  }

  void dropPrivate(long untilNanos) {
    privateDownUntil = untilNanos;
    emit(
        new ConnectionEvent(
            venue(),
            Channel.PRIVATE_STREAM,
            ConnectionState.DISCONNECTED,
            "simulated drop",
            sent()),
        false);
  }

  private boolean roll(int ppm) {
    return ppm > 0 && faults.nextInt(1_000_000) < ppm;
  }
}
