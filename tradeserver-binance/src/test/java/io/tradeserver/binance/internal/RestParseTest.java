package io.tradeserver.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
}
