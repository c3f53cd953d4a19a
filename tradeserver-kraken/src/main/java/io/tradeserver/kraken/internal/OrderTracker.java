package io.tradeserver.kraken.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.Side;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the adapter knows about orders it sent: instrument, side, creation time (for Kraken's cancel
 * penalty), the txid once known, and whether {@code OrderAccepted} was already emitted (the REST
 * ack and the stream's {@code new} race; the first one wins). Thread-safe.
 */
final class OrderTracker {
  private final ConcurrentHashMap<String, Tracked> byClOrdId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> clOrdIdByTxid = new ConcurrentHashMap<>();

  /** One order's state. */
  static final class Tracked {
    final String clOrdId;
    final Instrument instrument;
    final Side side;
    final long createdNanos;
    volatile String txid;
    private final AtomicBoolean accepted = new AtomicBoolean();

    Tracked(String clOrdId, Instrument instrument, Side side, long createdNanos) {
      this.clOrdId = clOrdId;
      this.instrument = instrument;
      this.side = side;
      this.createdNanos = createdNanos;
    }

    /** True exactly once: the caller emits {@code OrderAccepted}. */
    boolean markAccepted() {
      return accepted.compareAndSet(false, true);
    }
  }

  Tracked track(String clOrdId, Instrument instrument, Side side, long nowNanos) {
    Tracked t = new Tracked(clOrdId, instrument, side, nowNanos);
    byClOrdId.put(clOrdId, t);
    return t;
  }

  /** Records the venue id; returns the tracked order or null when unknown. */
  Tracked bind(String clOrdId, String txid) {
    Tracked t = clOrdId == null ? null : byClOrdId.get(clOrdId);
    if (t != null && txid != null) {
      t.txid = txid;
      clOrdIdByTxid.put(txid, clOrdId);
    }
    return t;
  }

  Tracked byClOrdId(String clOrdId) {
    return clOrdId == null ? null : byClOrdId.get(clOrdId);
  }

  Tracked byTxid(String txid) {
    String cl = txid == null ? null : clOrdIdByTxid.get(txid);
    return cl == null ? null : byClOrdId.get(cl);
  }

  /** Forgets an order (after it is done and late messages had time to arrive). */
  void forget(String clOrdId) {
    Tracked t = byClOrdId.remove(clOrdId);
    if (t != null && t.txid != null) {
      clOrdIdByTxid.remove(t.txid);
    }
  }

  int size() {
    return byClOrdId.size();
  }
}
