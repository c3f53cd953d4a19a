package io.tradeserver.kucoin;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;

/**
 * KuCoin-shaped bodies and frames for scripted answers, with the field sets of KuCoin's spec
 * examples (see src/test/resources/kucoin/SOURCES.md) and the values of the test's orders.
 */
public final class Frames {
  private Frames() {}

  public static String ack(String orderId, String clientOid) {
    return "{\"code\":\"200000\",\"data\":{\"orderId\":\""
        + orderId
        + "\",\"clientOid\":\""
        + clientOid
        + "\"}}";
  }

  public static String cancelDone(String orderId, Quantity size) {
    return "{\"code\":\"200000\",\"data\":{\"orderId\":\""
        + orderId
        + "\",\"originSize\":\""
        + size
        + "\",\"dealSize\":\"0\",\"remainSize\":\"0\",\"canceledSize\":\""
        + size
        + "\",\"status\":\"done\"}}";
  }

  /** A {@code /spotMarket/tradeOrdersV2} message (fields of KuCoin's orderV2 schema). */
  public static String orderChange(
      OrderRequest o, String orderId, String type, String status, String extra, long tsNanos) {
    return "{\"topic\":\"/spotMarket/tradeOrdersV2\",\"type\":\"message\",\"subject\":\"orderChange\","
        + "\"userId\":\"633559791e1cbc0001f319bc\",\"channelType\":\"private\",\"data\":{"
        + "\"clientOid\":\""
        + o.clientOrderId()
        + "\",\"orderId\":\""
        + orderId
        + "\",\"orderTime\":"
        + tsNanos / 1_000_000
        + ",\"orderType\":\""
        + (o.type() == OrderType.MARKET ? "market" : "limit")
        + "\",\"originSize\":\""
        + o.quantity()
        + "\",\"price\":\""
        + o.price()
        + "\",\"side\":\""
        + (o.side() == Side.BUY ? "buy" : "sell")
        + "\",\"size\":\""
        + o.quantity()
        + "\",\"status\":\""
        + status
        + "\",\"symbol\":\""
        + o.instrument().nativeSymbol()
        + "\",\"ts\":"
        + tsNanos
        + ",\"type\":\""
        + type
        + "\""
        + extra
        + "}}";
  }

  /** A {@code match} with {@code liquidity} {@code maker} or {@code taker}. */
  public static String match(
      OrderRequest o,
      String orderId,
      String tradeId,
      Price price,
      Quantity quantity,
      Quantity cumulative,
      String liquidity,
      long tsNanos) {
    String extra =
        ",\"canceledSize\":\"0\",\"filledSize\":\""
            + cumulative
            + "\",\"remainSize\":\""
            + o.quantity().minus(cumulative)
            + "\",\"matchPrice\":\""
            + price
            + "\",\"matchSize\":\""
            + quantity
            + "\",\"tradeId\":\""
            + tradeId
            + "\",\"liquidity\":\""
            + liquidity
            + "\",\"feeType\":\""
            + liquidity
            + "Fee\"";
    return orderChange(o, orderId, "match", "open", extra, tsNanos);
  }

  /**
   * A "Get Actual Fee - Spot/Margin" answer (fields of {@code trade-fees.json}); {@code rates} are
   * triples of symbol, taker rate, maker rate.
   */
  public static String tradeFees(String... rates) {
    StringBuilder b = new StringBuilder("{\"code\":\"200000\",\"data\":[");
    for (int i = 0; i < rates.length; i += 3) {
      b.append(i == 0 ? "" : ",")
          .append("{\"symbol\":\"")
          .append(rates[i])
          .append("\",\"takerFeeRate\":\"")
          .append(rates[i + 1])
          .append("\",\"makerFeeRate\":\"")
          .append(rates[i + 2])
          .append("\"}");
    }
    return b.append("]}").toString();
  }

  /** One HF order object (fields of the Get Order By ClientOid example). */
  public static String order(
      OrderRequest o, String orderId, OrderStatus status, Quantity filled, Price avg) {
    boolean active = status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED;
    String dealFunds = avg == null || filled.isZero() ? "0" : avg.times(filled).toString();
    return "{\"id\":\""
        + orderId
        + "\",\"clientOid\":\""
        + o.clientOrderId()
        + "\",\"symbol\":\""
        + o.instrument().nativeSymbol()
        + "\",\"opType\":\"DEAL\",\"type\":\""
        + (o.type() == OrderType.MARKET ? "market" : "limit")
        + "\",\"side\":\""
        + (o.side() == Side.BUY ? "buy" : "sell")
        + "\",\"price\":\""
        + o.price()
        + "\",\"size\":\""
        + o.quantity()
        + "\",\"funds\":\"0\",\"dealSize\":\""
        + filled
        + "\",\"dealFunds\":\""
        + dealFunds
        + "\",\"remainSize\":\""
        + (active ? o.quantity().minus(filled) : Quantity.zero(0))
        + "\",\"remainFunds\":\"0\",\"cancelledSize\":\""
        + (status == OrderStatus.CANCELED ? o.quantity().minus(filled) : Quantity.zero(0))
        + "\",\"cancelledFunds\":\"0\",\"fee\":\"0\",\"feeCurrency\":\"USDT\",\"stp\":null,"
        + "\"timeInForce\":\"GTC\",\"postOnly\":"
        + (o.type() == OrderType.LIMIT_MAKER)
        + ",\"hidden\":false,\"iceberg\":false,\"visibleSize\":\"0\",\"cancelAfter\":0,"
        + "\"channel\":\"API\",\"remark\":null,\"tags\":null,\"cancelExist\":"
        + (status == OrderStatus.CANCELED)
        + ",\"tradeType\":\"TRADE\",\"inOrderBook\":"
        + active
        + ",\"active\":"
        + active
        + ",\"tax\":\"0\",\"createdAt\":1729577515444,\"lastUpdatedAt\":1729577515481}";
  }

  public static String orderDetail(
      OrderRequest o, String orderId, OrderStatus status, Quantity filled, Price avg) {
    return "{\"code\":\"200000\",\"data\":" + order(o, orderId, status, filled, avg) + "}";
  }

  /** A {@code /market/level2} increment. */
  public static String l2(long start, long end, String asks, String bids) {
    return "{\"topic\":\"/market/level2:BTC-USDT\",\"type\":\"message\",\"subject\":\"trade.l2update\","
        + "\"data\":{\"changes\":{\"asks\":["
        + asks
        + "],\"bids\":["
        + bids
        + "]},\"sequenceEnd\":"
        + end
        + ",\"sequenceStart\":"
        + start
        + ",\"symbol\":\"BTC-USDT\",\"time\":1729816425625}}";
  }
}
