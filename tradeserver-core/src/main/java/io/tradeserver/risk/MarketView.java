package io.tradeserver.risk;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;

/** Read access to the engine's local books, for reference prices. Engine thread only. */
@FunctionalInterface
public interface MarketView {
  /** The book for an instrument, or null when none is kept. */
  OrderBook book(InstrumentId id);
}
