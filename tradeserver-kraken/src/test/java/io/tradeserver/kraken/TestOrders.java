package io.tradeserver.kraken;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import java.util.List;

/** Orders the REST and WebSocket order tests both send, so both paths are held to the same set. */
final class TestOrders {
  private TestOrders() {}

  static OrderRequest limitBuy(String cl, Instrument ins) {
    return OrderRequest.limit(cl, ins, Side.BUY, Price.parse("64000.5"), Quantity.parse("0.0125"));
  }

  /** A market order sized in quote currency ({@code viqc} / {@code cash_order_qty}). */
  static OrderRequest quoteSizedMarket(String cl, Instrument ins, Side side, String amount) {
    return new OrderRequest(
        cl,
        ins,
        side,
        OrderType.MARKET,
        TimeInForce.GTC,
        null,
        null,
        Quantity.parse(amount),
        null,
        null,
        "s",
        0);
  }

  /**
   * One of each shape Kraken is asked for differently: po1 (post-only sell), ioc1 (IOC limit buy),
   * mkt1 (market sell), viqc1 (quote-sized market buy), prot1 (market buy with a protection price).
   */
  static List<OrderRequest> eachShape(Instrument ins) {
    return List.of(
        new OrderRequest(
            "po1",
            ins,
            Side.SELL,
            OrderType.LIMIT_MAKER,
            TimeInForce.GTC,
            Price.parse("70000"),
            Quantity.parse("0.5"),
            null,
            null,
            null,
            "s",
            0),
        limitBuy("ioc1", ins).withTimeInForce(TimeInForce.IOC),
        OrderRequest.market("mkt1", ins, Side.SELL, Quantity.parse("0.01")),
        quoteSizedMarket("viqc1", ins, Side.BUY, "250.00"),
        new OrderRequest(
            "prot1",
            ins,
            Side.BUY,
            OrderType.MARKET,
            TimeInForce.GTC,
            null,
            Quantity.parse("0.01"),
            null,
            Price.parse("65000.0"),
            null,
            "s",
            0));
  }
}
