package io.tradeserver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalJsonTest {
  @Test
  void readsTheDesignSampleExactly() throws Exception {
    String json =
        "{ \"signalId\": \"s-000123\", \"strategy\": \"momentum\", \"symbol\": \"BTC-USDT\","
            + " \"side\": \"BUY\", \"type\": \"LIMIT\", \"quantity\": \"0.0100\", \"price\":"
            + " \"64000.50\", \"exchange\": \"binance\", \"timeInForce\": \"GTC\","
            + " \"maxSlippageBps\": 15, \"timestamp\": 1764018000123, \"extra\": {\"a\": [1]} }";
    Signal s = SignalJson.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(s)
        .isEqualTo(
            Signal.builder()
                .signalId("s-000123")
                .strategy("momentum")
                .symbol("BTC-USDT")
                .side(Side.BUY)
                .type(OrderType.LIMIT)
                .quantity(Quantity.parse("0.0100"))
                .price(Price.parse("64000.50"))
                .exchange("binance")
                .timeInForce(TimeInForce.GTC)
                .maxSlippageBps(15)
                .timestampMillis(1764018000123L)
                .build());
  }
}
