package io.tradeserver.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.time.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestParseTest {
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = RestParseTest.class.getResourceAsStream("/binance/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The new-order parse keeps everything OrderEvents.placed reads, exactly as the full parse. */
  @Test
  void placedReadsWhatThePlacementNeeds() throws IOException {
    for (String name : new String[] {"new-order-full.json", "new-order-ack.json"}) {
      byte[] body = fixture(name);
      OrderResult full = RestParse.order(body);
      OrderResult placed = RestParse.placed(body);
      assertThat(placed.orderId).isEqualTo(full.orderId).isPositive();
      assertThat(placed.status).isEqualTo(full.status);
      assertThat(placed.transactTime).isEqualTo(full.transactTime);
      assertThat(placed.updateTime).isEqualTo(full.updateTime);
      assertThat(placed.fills).isEqualTo(full.fills);
      assertThat(placed.symbol).isNull();
      assertThat(placed.clientOrderId).isNull();
    }
    assertThat(RestParse.placed(fixture("new-order-full.json")).fills).hasSizeGreaterThan(1);
  }

  /** A WebSocket API answer to an order.place is read like the REST one; others in full. */
  @Test
  void webSocketAnswersToPlacementsReadWhatThePlacementNeeds() throws IOException {
    String text =
        "{\"id\":\"o1\",\"status\":200,\"result\":{\"symbol\":\"BTCUSDT\",\"orderId\":5,"
            + "\"clientOrderId\":\"w1\",\"transactTime\":7,\"status\":\"NEW\"},\"rateLimits\":[]}";
    VenueLimits limits = new VenueLimits("binance", new TestClock(), Map.of());
    WsApiResponse placed = WsApiResponse.parse(text, limits, 0, "o1"::equals);
    WsApiResponse other = WsApiResponse.parse(text, limits, 0, id -> false);
    assertThat(placed.order.orderId).isEqualTo(other.order.orderId).isEqualTo(5);
    assertThat(placed.order.status).isEqualTo(other.order.status).isEqualTo("NEW");
    assertThat(placed.order.transactTime).isEqualTo(other.order.transactTime).isEqualTo(7);
    assertThat(placed.order.symbol).isNull();
    assertThat(other.order.symbol).isEqualTo("BTCUSDT");
    assertThat(other.order.clientOrderId).isEqualTo("w1");
  }
}
