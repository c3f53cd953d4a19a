package io.tradeserver.order;

import io.tradeserver.model.InstrumentId;
import java.util.ArrayDeque;
import java.util.HashSet;

/** A bounded memory of trade ids, oldest forgotten first. Engine thread only. */
final class RecentTrades {
  private record Key(InstrumentId instrument, String tradeId) {
    @Override
    public int hashCode() {
      return instrument.hashCode() * 31 + tradeId.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && tradeId.equals(k.tradeId) && instrument.equals(k.instrument);
    }
  }

  private final int capacity;
  private final HashSet<Key> set;
  private final ArrayDeque<Key> order = new ArrayDeque<>();

  RecentTrades(int capacity) {
    this.capacity = capacity;
    this.set = new HashSet<>(Math.min(capacity, 1 << 16) * 2);
  }

  /** Remembers the trade; false when it was already known. */
  boolean add(InstrumentId instrument, String tradeId) {
    Key k = new Key(instrument, tradeId);
    if (!set.add(k)) {
      return false;
    }
    order.addLast(k);
    if (order.size() > capacity) {
      set.remove(order.removeFirst());
    }
    return true;
  }

  boolean contains(InstrumentId instrument, String tradeId) {
    return set.contains(new Key(instrument, tradeId));
  }

  int size() {
    return set.size();
  }
}
