package io.tradeserver.examples;

import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Fill;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what the demo reports beyond the engine's own status: the net quantity of all fills per
 * instrument (to check positions against), last prices for the signal generator, and how many
 * orders the router placed. Written on the engine thread; read after the engine stops, except
 * {@link #lastPrices()} which is concurrent.
 */
final class DemoRecorder implements TradeServerListener {
  private final Map<String, Price> lastPrices = new ConcurrentHashMap<>();
  private final Map<InstrumentId, Quantity> netFills =
      new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
  private long routedOrders;
  private long fillCount;

  @Override
  public void onOrder(Order order) {
    if (order.status() == OrderStatus.PENDING_NEW && order.route() != null) {
      routedOrders++;
    }
  }

  @Override
  public void onFill(Fill fill, Order order, boolean reconciled) {
    fillCount++;
    lastPrices.put(fill.instrumentId().symbol(), fill.price());
    Quantity signed = fill.side() == Side.BUY ? fill.quantity() : fill.quantity().negate();
    if (fill.feeAsset() != null && fill.feeAsset().equals(fill.instrumentId().base())) {
      signed = signed.minus(fill.fee()); // the venue kept part of the base
    }
    netFills.merge(fill.instrumentId(), signed, Quantity::plus);
  }

  Map<String, Price> lastPrices() {
    return lastPrices;
  }

  Map<InstrumentId, Quantity> netFills() {
    return netFills;
  }

  long routedOrders() {
    return routedOrders;
  }

  long fillCount() {
    return fillCount;
  }
}
