package io.tradeserver.kucoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The add-order bodies, byte for byte, and the orders KuCoin cannot express. */
class OrderJsonTest {
  private static final Instrument BTC =
      Instrument.builder(InstrumentId.of("kucoin", "BTC-USDT"), "BTC-USDT")
          .tickSize(Price.parse("0.1"))
          .stepSize(Quantity.parse("0.00000001"))
          .notionalScale(6)
          .build();

  private static OrderRequest order(
      OrderType type, TimeInForce tif, Side side, String price, String qty, String funds) {
    return new OrderRequest(
        "c0ffee1",
        BTC,
        side,
        type,
        tif,
        price == null ? null : Price.parse(price, 1),
        qty == null ? null : Quantity.parse(qty, 8),
        funds == null ? null : Quantity.parse(funds, 6),
        null,
        null,
        "s",
        0);
  }

  private static String body(OrderRequest o) {
    assertThat(OrderJson.unsupported(o)).isNull();
    return new String(OrderJson.newOrder(o), StandardCharsets.US_ASCII);
  }

  @Test
  void limitWithEachTimeInForce() {
    assertThat(body(order(OrderType.LIMIT, TimeInForce.IOC, Side.SELL, "67000.5", "0.001", null)))
        .isEqualTo(
            "{\"clientOid\":\"c0ffee1\",\"symbol\":\"BTC-USDT\",\"side\":\"sell\","
                + "\"type\":\"limit\",\"price\":\"67000.5\",\"size\":\"0.00100000\","
                + "\"timeInForce\":\"IOC\"}");
    assertThat(body(order(OrderType.LIMIT, TimeInForce.FOK, Side.BUY, "1", "2", null)))
        .endsWith("\"price\":\"1.0\",\"size\":\"2.00000000\",\"timeInForce\":\"FOK\"}");
  }

  @Test
  void postOnlyIsAGtcLimitWithPostOnly() {
    assertThat(body(order(OrderType.LIMIT_MAKER, TimeInForce.GTC, Side.BUY, "1.5", "1", null)))
        .isEqualTo(
            "{\"clientOid\":\"c0ffee1\",\"symbol\":\"BTC-USDT\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"price\":\"1.5\",\"size\":\"1.00000000\","
                + "\"timeInForce\":\"GTC\",\"postOnly\":true}");
  }

  @Test
  void marketBySizeOrByFunds() {
    assertThat(body(order(OrderType.MARKET, TimeInForce.GTC, Side.SELL, null, "0.5", null)))
        .isEqualTo(
            "{\"clientOid\":\"c0ffee1\",\"symbol\":\"BTC-USDT\",\"side\":\"sell\","
                + "\"type\":\"market\",\"size\":\"0.50000000\"}");
    assertThat(body(order(OrderType.MARKET, TimeInForce.IOC, Side.BUY, null, null, "25.5")))
        .isEqualTo(
            "{\"clientOid\":\"c0ffee1\",\"symbol\":\"BTC-USDT\",\"side\":\"buy\","
                + "\"type\":\"market\",\"funds\":\"25.500000\"}");
  }

  @Test
  void unsupportedOrders() {
    assertThat(
            OrderJson.unsupported(
                order(OrderType.MARKET, TimeInForce.FOK, Side.BUY, null, "1", null)))
        .contains("FOK");
    assertThat(
            OrderJson.unsupported(
                order(OrderType.LIMIT_MAKER, TimeInForce.IOC, Side.BUY, "1", "1", null)))
        .contains("post-only");
    OrderRequest protectedMarket =
        new OrderRequest(
            "c0ffee1",
            BTC,
            Side.BUY,
            OrderType.MARKET,
            TimeInForce.GTC,
            null,
            Quantity.parse("1"),
            null,
            Price.parse("1"),
            null,
            "s",
            0);
    assertThat(OrderJson.unsupported(protectedMarket)).contains("protection");
    OrderRequest badId =
        OrderRequest.limit("bad\"id", BTC, Side.BUY, Price.parse("1"), Quantity.parse("1"));
    assertThat(OrderJson.unsupported(badId)).contains("clientOrderId");
  }
}
