package io.tradeserver.kraken.internal;

import io.tradeserver.model.InstrumentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded markets, indexed by every name Kraken uses for a pair. Replaced as a whole on each
 * load; reads are lock-free. Thread-safe.
 */
final class Markets {
  private volatile Index index = new Index(List.of());

  void replace(List<Market> markets) {
    index = new Index(markets);
  }

  boolean isEmpty() {
    return index.byId.isEmpty();
  }

  /** By canonical instrument id, or null. */
  Market byId(InstrumentId id) {
    return index.byId.get(id);
  }

  /** By AssetPairs key or altname ({@code XXBTZUSD}, {@code XBTUSD}), or null. */
  Market byPairName(String name) {
    Index i = index;
    Market m = i.byPairKey.get(name);
    return m != null ? m : i.byAltname.get(name);
  }

  /** By WebSocket v2 symbol ({@code BTC/USD}), or null. */
  Market byWsSymbol(String symbol) {
    return index.byWsSymbol.get(symbol);
  }

  private static final class Index {
    final Map<InstrumentId, Market> byId = new HashMap<>();
    final Map<String, Market> byPairKey = new HashMap<>();
    final Map<String, Market> byAltname = new HashMap<>();
    final Map<String, Market> byWsSymbol = new HashMap<>();

    Index(List<Market> markets) {
      for (Market m : markets) {
        byId.put(m.instrument().id(), m);
        byPairKey.put(m.pairKey(), m);
        byAltname.put(m.altname(), m);
        byWsSymbol.put(m.wsSymbol(), m);
      }
    }
  }
}
