package io.tradeserver.testing;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.TradeTick;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for a real venue's market data, scripted by the test: its "live streams" are whatever
 * the test emits ({@link #book}, {@link #trade}, {@link #emit}). It has market-data capabilities
 * only, like a real adapter without credentials: order and account commands are recorded in {@link
 * #calls()} and refused with {@link UnsupportedOperationException}. Events go to the context's
 * listener on the calling thread, as a network thread would deliver them.
 */
public final class ScriptedVenue implements ExchangeClient {
  private final ExchangeContext context;
  private final List<Instrument> instruments;
  private final List<String> calls = new ArrayList<>();

  public ScriptedVenue(ExchangeContext context, List<Instrument> instruments) {
    this.context = context;
    this.instruments = List.copyOf(instruments);
  }

  /** A provider that creates a ScriptedVenue listing {@code instruments} and remembers it. */
  public static final class Provider implements ExchangeClientProvider {
    private final List<Instrument> instruments;
    private ScriptedVenue created;

    public Provider(List<Instrument> instruments) {
      this.instruments = instruments;
    }

    @Override
    public String id() {
      return "scripted";
    }

    @Override
    public ExchangeClient create(ExchangeContext context) {
      created = new ScriptedVenue(context, instruments);
      return created;
    }

    public ScriptedVenue created() {
      return created;
    }
  }

  /** BTC-USDT on {@code venue}: tick 0.01, step 0.00001, min notional 5. */
  public static Instrument btcUsdt(String venue) {
    return Instrument.builder(InstrumentId.of(venue, "BTC-USDT"), "BTCUSDT")
        .tickSize(Price.parse("0.01"))
        .stepSize(Quantity.parse("0.00001"))
        .minQuantity(Quantity.parse("0.00001"))
        .minNotional(Quantity.parse("5"))
        .build();
  }

  /** The context the venue was created with (what configuration and credentials it got). */
  public ExchangeContext context() {
    return context;
  }

  /** Every command received, as "submit CID", "subscribeBook BTC-USDT 20", ... */
  public synchronized List<String> calls() {
    return new ArrayList<>(calls);
  }

  /** Emits a full book: {@code {price, quantity}} pairs, best first on each side. */
  public void book(String symbol, String[][] bids, String[][] asks) {
    emitBook(symbol, bids, asks, false);
  }

  /** Emits a book as the answer to a {@code requestBook}. */
  public void requestedBook(String symbol, String[][] bids, String[][] asks) {
    emitBook(symbol, bids, asks, true);
  }

  private void emitBook(String symbol, String[][] bids, String[][] asks, boolean requested) {
    Instrument in = instrument(symbol);
    OrderBook b = OrderBook.of(in);
    for (String[] l : bids) {
      b.set(Side.BUY, Price.parse(l[0]), Quantity.parse(l[1]));
    }
    for (String[] l : asks) {
      b.set(Side.SELL, Price.parse(l[0]), Quantity.parse(l[1]));
    }
    long now = context.clock().nanos();
    b.updatedNanos(now);
    emit(new BookUpdate(venue(), b.snapshot(1000, now), now, requested));
  }

  /** Emits a public trade. */
  public void trade(String symbol, String tradeId, String price, String qty, Side aggressor) {
    emit(
        new TradeTick(
            venue(),
            instrument(symbol).id(),
            tradeId,
            Price.parse(price),
            Quantity.parse(qty),
            aggressor,
            context.clock().nanos()));
  }

  public void emit(VenueEvent e) {
    context.listener().onEvent(e);
  }

  private Instrument instrument(String symbol) {
    return instruments.stream()
        .filter(i -> i.symbol().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no instrument " + symbol));
  }

  private synchronized void call(String c) {
    calls.add(c);
  }

  private UnsupportedOperationException refuse(String c) {
    call(c);
    return new UnsupportedOperationException(venue() + " is market data only: " + c);
  }

  @Override
  public String venue() {
    return context.venue();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.ORDER_BOOK_STREAM, Capability.TRADE_STREAM);
  }

  @Override
  public void start() {
    call("start");
    long now = context.clock().nanos();
    emit(new InstrumentsLoaded(venue(), instruments, now));
    emit(new ConnectionEvent(venue(), Channel.MARKET_STREAM, ConnectionState.CONNECTED, "", now));
  }

  @Override
  public void submit(OrderRequest order) {
    throw refuse("submit " + order.clientOrderId());
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    throw refuse("cancel " + clientOrderId);
  }

  @Override
  public void cancelAll(Instrument instrument) {
    throw refuse("cancelAll");
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    throw refuse("queryOrder " + clientOrderId);
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    throw refuse("requestOpenOrders");
  }

  @Override
  public void requestBalances() {
    throw refuse("requestBalances");
  }

  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    call("subscribeBook " + instrument.symbol() + " " + depth);
  }

  @Override
  public void subscribeTrades(Instrument instrument) {
    call("subscribeTrades " + instrument.symbol());
  }

  @Override
  public void close() {
    call("close");
  }
}
