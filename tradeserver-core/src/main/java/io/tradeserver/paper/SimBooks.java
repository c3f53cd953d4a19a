package io.tradeserver.paper;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Ticker;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The simulated venue's instruments and order books. Each market step rebuilds the books around the
 * shared {@link SimulatedMarket}'s mid and publishes the subscribed ones; ticker and snapshot
 * requests are answered from them. Engine thread only.
 */
final class SimBooks {
  private final SimConfig config;
  private final SimulatedMarket market;
  private final SimMatcher matcher;
  private final SimOutbox outbox;
  private final Map<String, SimInstrument> specs = new LinkedHashMap<>();
  private final Map<String, Instrument> instruments = new LinkedHashMap<>();
  private final Map<String, OrderBook> books = new HashMap<>();
  private final Map<InstrumentId, Integer> subscriptions = new HashMap<>();
  // The same, by this venue's instrument ids: what every submit looks up. Instrument.symbol()
  // builds a new string on each call, so a lookup by symbol cost a concatenation and its hash.
  private final Map<InstrumentId, Instrument> instrumentsById = new HashMap<>();
  private final Map<InstrumentId, OrderBook> booksById = new HashMap<>();

  SimBooks(SimConfig config, SimulatedMarket market, SimMatcher matcher, SimOutbox outbox) {
    this.config = config;
    this.market = market;
    this.matcher = matcher;
    this.outbox = outbox;
    for (SimInstrument s : config.instruments()) {
      market.add(s);
      Instrument in = toInstrument(s);
      specs.put(s.symbol(), s);
      instruments.put(s.symbol(), in);
      OrderBook book = OrderBook.of(in);
      books.put(s.symbol(), book);
      if (in.symbol().equals(s.symbol())) { // a symbol configured in lower case is not canonical
        instrumentsById.put(in.id(), in);
        booksById.put(in.id(), book);
      }
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

  /** The listed instruments, in configuration order (a fresh list). */
  List<Instrument> instruments() {
    return new ArrayList<>(instruments.values());
  }

  /** The instrument listed as {@code symbol}, or null. */
  Instrument instrument(String symbol) {
    return instruments.get(symbol);
  }

  /** The instrument listed under {@code id}'s symbol (whatever its exchange), or null. */
  Instrument instrument(InstrumentId id) {
    Instrument in = instrumentsById.get(id);
    return in != null ? in : instruments.get(id.symbol());
  }

  /** The book of {@code id}'s symbol, or null. */
  OrderBook book(InstrumentId id) {
    OrderBook book = booksById.get(id);
    return book != null ? book : books.get(id.symbol());
  }

  /** The book of {@code symbol}, or null. */
  OrderBook book(String symbol) {
    return books.get(symbol);
  }

  void subscribe(InstrumentId instrument, int depth) {
    subscriptions.put(instrument, depth);
  }

  /**
   * One market step: moves the market, then for each symbol rebuilds its book (unless {@code
   * frozen}), lets {@code matchResting} trade resting orders against it, and publishes what is left
   * to subscribers (unless {@code stale}, which simulates market data that stopped).
   */
  void step(
      long now, boolean frozen, boolean stale, BiConsumer<Instrument, OrderBook> matchResting) {
    market.advanceTo(now);
    for (Map.Entry<String, SimInstrument> e : specs.entrySet()) {
      String symbol = e.getKey();
      OrderBook book = books.get(symbol);
      Instrument in = instruments.get(symbol);
      if (!frozen) {
        matcher.rebuild(book, e.getValue(), in, market.midUnits(symbol), now);
      }
      matchResting.accept(in, book);
      Integer depth = subscriptions.get(in.id());
      if (depth != null && !stale) {
        outbox.emit(
            new BookUpdate(config.venue(), book.snapshot(depth, outbox.sent()), outbox.sent()),
            false);
      }
    }
  }

  /**
   * Answers with the book's top as a ticker (no last trade or volume: the sim does not track them).
   */
  void answerTicker(Instrument instrument) {
    OrderBook b = books.get(instrument.symbol());
    Side bid = Side.BUY;
    Side ask = Side.SELL;
    boolean two = b != null && b.isTwoSided();
    outbox.emit(
        new Ticker(
            config.venue(),
            instrument.id(),
            two ? b.bestBid() : null,
            two ? Quantity.of(b.quantityAt(bid, 0), b.quantityScale()) : null,
            two ? b.bestAsk() : null,
            two ? Quantity.of(b.quantityAt(ask, 0), b.quantityScale()) : null,
            null,
            null,
            outbox.sent()),
        false);
  }

  /** Answers with a snapshot of the book's top {@code depth} levels, marked as requested. */
  void answerBook(Instrument instrument, int depth) {
    outbox.emit(
        BookUpdate.requested(
            config.venue(),
            books.get(instrument.symbol()).snapshot(depth, outbox.sent()),
            outbox.sent()),
        false);
  }
}
