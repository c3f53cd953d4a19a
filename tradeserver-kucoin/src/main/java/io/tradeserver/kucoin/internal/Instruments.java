package io.tradeserver.kucoin.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The venue's instruments by native symbol ({@code BTC-USDT}), replaced on each load. */
final class Instruments {
  private final String venue;
  private volatile Map<String, Instrument> bySymbol = Map.of();

  Instruments(String venue) {
    this.venue = venue;
  }

  void replace(List<Instrument> instruments) {
    Map<String, Instrument> m = new ConcurrentHashMap<>();
    for (Instrument i : instruments) {
      m.put(i.nativeSymbol(), i);
    }
    bySymbol = m;
  }

  /** The instrument, or null when the symbol is unknown (not loaded yet, or new). */
  Instrument get(String nativeSymbol) {
    return nativeSymbol == null ? null : bySymbol.get(nativeSymbol);
  }

  /** The canonical id of a native {@code BASE-QUOTE} symbol, loaded or not. */
  InstrumentId id(String nativeSymbol) {
    Instrument i = get(nativeSymbol);
    return i != null ? i.id() : InstrumentId.of(venue, nativeSymbol);
  }

  int priceScale(String nativeSymbol) {
    Instrument i = get(nativeSymbol);
    return i == null ? 0 : i.priceScale();
  }

  int quantityScale(String nativeSymbol) {
    Instrument i = get(nativeSymbol);
    return i == null ? 0 : i.quantityScale();
  }

  /** Every loaded instrument, in no particular order. */
  Collection<Instrument> all() {
    return bySymbol.values();
  }

  boolean isEmpty() {
    return bySymbol.isEmpty();
  }
}
