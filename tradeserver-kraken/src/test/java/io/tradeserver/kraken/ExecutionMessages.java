package io.tradeserver.kraken;

import io.tradeserver.kraken.FakeKraken.FakeOrder;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;

/** WebSocket v2 {@code executions} messages shaped like docs.kraken.com's examples. */
public final class ExecutionMessages {
  private ExecutionMessages() {}

  public static String trade(
      FakeOrder o, String tradeId, Price price, Quantity qty, Quantity cum, Side side) {
    return "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\""
        + o.txid
        + "\",\"cl_ord_id\":\""
        + o.clOrdId
        + "\",\"exec_id\":\""
        + tradeId
        + "\",\"exec_type\":\"trade\",\"trade_id\":365573,\"symbol\":\"BTC/USD\",\"side\":\""
        + (side == Side.BUY ? "buy" : "sell")
        + "\",\"last_qty\":"
        + qty
        + ",\"last_price\":"
        + price
        + ",\"liquidity_ind\":\"m\",\"cost\":1.0,\"order_userref\":0,\"order_status\":\"partially_filled\","
        + "\"order_type\":\"limit\",\"fee_usd_equiv\":0.0001,\"fees\":[{\"asset\":\"USD\",\"qty\":0.0001}],"
        + "\"cum_qty\":"
        + cum
        + ",\"timestamp\":\"2023-09-22T10:33:05.709950Z\"}],\"sequence\":8}";
  }

  public static String status(String execType, String txid, String clOrdId) {
    return "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\""
        + txid
        + "\",\"cl_ord_id\":\""
        + clOrdId
        + "\",\"exec_type\":\""
        + execType
        + "\",\"order_status\":\""
        + execType
        + "\",\"timestamp\":\"2023-09-22T10:33:05.709950Z\"}],\"sequence\":9}";
  }
}
