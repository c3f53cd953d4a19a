package io.tradeserver.engine;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's view of one venue: its client, instruments, books and connection state. Engine
 * thread only.
 */
final class VenueState {
  final String id;
  ExchangeClient client; // replaced on credential rotation, on the engine thread
  EngineDriven driven;
  final Set<Capability> capabilities;
  final BigDecimal takerFeeBps;
  final List<String> symbols;
  final int bookDepth;
  final boolean paper;
  final Map<String, Instrument> instruments = new HashMap<>();
  final Map<InstrumentId, OrderBook> books = new HashMap<>();
  final EnumMap<Channel, ConnectionState> connections = new EnumMap<>(Channel.class);
  long rateLimitedUntilNanos;

  /** Dead-man switch timeout in nanos (0 = none) and when to re-arm it next. */
  long deadManSwitchNanos;

  long nextDeadManArm;
  String lastAlert;

  VenueState(
      ExchangeClient client,
      BigDecimal takerFeeBps,
      List<String> symbols,
      int bookDepth,
      boolean paper) {
    this.bookDepth = bookDepth;
    this.paper = paper;
    this.id = client.venue();
    this.client = client;
    this.driven = client instanceof EngineDriven d ? d : null;
    this.capabilities = client.capabilities();
    this.takerFeeBps = takerFeeBps;
    this.symbols = List.copyOf(symbols);
  }

  /** Swaps in a new client for this venue (same id), e.g. after a credential rotation. */
  void replaceClient(ExchangeClient fresh) {
    if (!fresh.venue().equals(id)) {
      throw new IllegalArgumentException("client for " + fresh.venue() + " cannot replace " + id);
    }
    client = fresh;
    driven = fresh instanceof EngineDriven d ? d : null;
  }

  Instrument instrument(String symbol) {
    return instruments.get(symbol);
  }

  /** Applies a book snapshot; returns the engine's book for the instrument. */
  OrderBook apply(BookSnapshot s) {
    OrderBook b = books.get(s.instrumentId());
    if (b == null || b.priceScale() != s.priceScale() || b.quantityScale() != s.quantityScale()) {
      b = new OrderBook(s.instrumentId(), s.priceScale(), s.quantityScale());
      books.put(s.instrumentId(), b);
    }
    b.replaceWith(s);
    return b;
  }

  /** Instruments loaded and, with a book stream, a two-sided book for each traded instrument. */
  boolean ready() {
    if (instruments.isEmpty()) {
      return false;
    }
    if (!capabilities.contains(io.tradeserver.spi.Capability.ORDER_BOOK_STREAM)) {
      return true;
    }
    for (Instrument in : instruments.values()) {
      if (trades(in.symbol())) {
        OrderBook b = books.get(in.id());
        if (b == null || !b.isTwoSided()) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when the symbol list is empty (trade everything) or names {@code symbol}. */
  boolean trades(String symbol) {
    return symbols.isEmpty() || symbols.contains(symbol);
  }
}
