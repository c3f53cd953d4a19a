package io.tradeserver.order;

import io.tradeserver.internal.RecentKeys;
import io.tradeserver.model.InstrumentId;

/** A bounded memory of trade ids, oldest forgotten first. Engine thread only. */
final class RecentTrades {
  private final RecentKeys keys;

  RecentTrades(int capacity) {
    this.keys = new RecentKeys(capacity, false);
  }

  /** Remembers the trade; false when it was already known. */
  boolean add(InstrumentId instrument, String tradeId) {
    return keys.add(tradeId, instrument, RecentKeys.hash(tradeId, instrument), 0);
  }

  boolean contains(InstrumentId instrument, String tradeId) {
    return keys.contains(tradeId, instrument, RecentKeys.hash(tradeId, instrument));
  }

  int size() {
    return keys.size();
  }
}
