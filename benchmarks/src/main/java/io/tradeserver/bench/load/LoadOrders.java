package io.tradeserver.bench.load;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;

/** The orders and signals the load test sends: GTC limits, buys and sells alternating. */
final class LoadOrders {
  private LoadOrders() {}

  static Side side(long seq) {
    return (seq & 1) == 0 ? Side.BUY : Side.SELL;
  }

  static OrderRequest request(long seq, Instrument in, Price price, Quantity quantity) {
    return OrderRequest.limit(Ids.clientOrderId(seq), in, side(seq), price, quantity);
  }

  static Signal signal(long seq, String venue, String symbol, Price price, Quantity quantity) {
    return Signal.builder()
        .signalId(Ids.signalId(seq))
        .strategy("load")
        .symbol(symbol)
        .side(side(seq))
        .type(OrderType.LIMIT)
        .quantity(quantity)
        .price(price)
        .exchange(venue)
        .build();
  }
}
