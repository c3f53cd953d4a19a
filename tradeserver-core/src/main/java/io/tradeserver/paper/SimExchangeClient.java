package io.tradeserver.paper;

import io.tradeserver.event.Balances;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A complete simulated venue ({@code sim}): instruments, books from a {@link SimulatedMarket},
 * matching, balances, fees, latency and fault injection. Commands are thread-safe (queued); all
 * work happens in {@link #doWork(long)} on the engine thread, so a test clock makes it exact.
 * Answers that a real venue gives over REST (acks, queries) survive a private-stream drop; stream
 * events (fills, cancels) during a drop are lost, as they would be, and the engine must reconcile.
 *
 * <p>This class queues the commands and runs the duty cycle; the work is done by {@link SimOrders}
 * (orders and matching), {@link SimBooks} (instruments and market data), {@link SimFaults}
 * (injected faults) and {@link SimOutbox} (latency and the private stream's state).
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
  private final SimulatedMarket market;
  private final SimAccount account;
  private final SimOutbox outbox;
  private final SimFaults faults;
  private final SimBooks books;
  private final SimOrders orders;
  private final SimControl control = new SimControl(this);
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private long nextStep = Long.MIN_VALUE;
  private long startedNanos = Long.MIN_VALUE;
  private boolean closed;

  public SimExchangeClient(SimConfig config, ExchangeContext context, SimulatedMarket market) {
    this.config = config;
    this.market = market;
    this.account = new SimAccount(config.balances());
    SimMatcher matcher = new SimMatcher(config, account);
    this.faults = new SimFaults(config);
    this.outbox = new SimOutbox(config.venue(), context, config.latency());
    this.books = new SimBooks(config, market, matcher, outbox);
    this.orders = new SimOrders(config, books, matcher, account, faults, outbox, control);
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
          startedNanos = outbox.now();
          outbox.emit(new InstrumentsLoaded(venue(), books.instruments(), outbox.sent()), false);
          outbox.emit(
              new ConnectionEvent(
                  venue(), Channel.MARKET_STREAM, ConnectionState.CONNECTED, "sim", outbox.sent()),
              false);
          outbox.emit(
              new ConnectionEvent(
                  venue(), Channel.PRIVATE_STREAM, ConnectionState.CONNECTED, "sim", outbox.sent()),
              false);
          outbox.emit(balances(), false);
          outbox.emit(new OpenOrders(venue(), null, List.of(), outbox.sent()), false);
        });
  }

  @Override
  public void submit(OrderRequest order) {
    orders.received(order.clientOrderId());
    commands.add(() -> orders.submit(order));
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    commands.add(() -> orders.cancel(instrument, clientOrderId));
  }

  @Override
  public void cancelAll(Instrument instrument) {
    commands.add(() -> orders.cancelAll(instrument));
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    commands.add(() -> orders.query(instrument, clientOrderId));
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    commands.add(() -> outbox.emit(orders.openOrders(instrument), false));
  }

  @Override
  public void requestBalances() {
    commands.add(() -> outbox.emit(balances(), false));
  }

  /**
   * The simulated book's top as a ticker (no last trade or volume: the sim does not track them).
   */
  @Override
  public void requestTicker(Instrument instrument) {
    commands.add(() -> books.answerTicker(instrument));
  }

  /** A snapshot of the simulated book's top {@code depth} levels. */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    commands.add(() -> books.answerBook(instrument, depth));
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    commands.add(() -> books.subscribe(instrument.id(), depth));
  }

  @Override
  public void close() {
    commands.add(() -> closed = true);
  }

  // ---- for SimControl -----------------------------------------------------------------------

  void command(Runnable r) {
    commands.add(r);
  }

  SimulatedMarket market() {
    return market;
  }

  SimAccount account() {
    return account;
  }

  SimOrders orders() {
    return orders;
  }

  SimFaults faults() {
    return faults;
  }

  SimOutbox outbox() {
    return outbox;
  }

  // ---- duty cycle ---------------------------------------------------------------------------

  @Override
  public int doWork(long nowNanos) {
    outbox.now(nowNanos);
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
      stepMarket(nowNanos);
      nextStep = nowNanos + config.marketStep().toNanos();
      work++;
    }
    if (outbox.restorePrivate(nowNanos)) {
      outbox.emit(orders.openOrders(null), false);
      outbox.emit(balances(), false);
    }
    return work + outbox.release(nowNanos);
  }

  private void stepMarket(long now) {
    boolean stale =
        config.staleAfter() != null && now - startedNanos > config.staleAfter().toNanos();
    books.step(now, faults.booksFrozen(), stale, orders::matchResting);
    orders.retireFinished();
  }

  private Balances balances() {
    return new Balances(venue(), account.snapshot(), true, outbox.sent());
  }
}
