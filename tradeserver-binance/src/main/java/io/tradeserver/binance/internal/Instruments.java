package io.tradeserver.binance.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The loaded instruments, by Binance symbol and by canonical id. Replaced whole; thread-safe. */
final class Instruments {
  private volatile Map<String, Instrument> bySymbol = Map.of();
  private volatile List<Instrument> all = List.of();

  void replace(List<Instrument> instruments) {
    Map<String, Instrument> m = new HashMap<>();
    for (Instrument i : instruments) {
      m.put(i.nativeSymbol(), i);
    }
    bySymbol = m;
    all = List.copyOf(instruments);
  }

  /** The instrument for a Binance symbol ({@code BTCUSDT}), or null. */
  Instrument bySymbol(String symbol) {
    return symbol == null ? null : bySymbol.get(symbol);
  }

  Instrument byId(InstrumentId id) {
    for (Instrument i : all) {
      if (i.id().equals(id)) {
        return i;
      }
    }
    return null;
  }

  List<Instrument> all() {
    return all;
  }

  boolean loaded() {
    return !all.isEmpty();
  }
}
