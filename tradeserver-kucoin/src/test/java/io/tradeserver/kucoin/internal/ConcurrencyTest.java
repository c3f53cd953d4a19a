package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static io.tradeserver.kucoin.MockKucoin.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderAccepted;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client keeps many orders in flight at once: the venue answers none of 64 orders until all 64
 * have arrived, which only works when the order client's dispatcher admits them concurrently.
 */
class ConcurrencyTest extends KucoinTestBase {
  private static final int ORDERS = 64;

  @Test
  void manyOrdersInFlightAtOnce() {
    CountDownLatch allArrived = new CountDownLatch(ORDERS);
    venue.always(
        "POST",
        "/api/v1/hf/orders",
        r -> {
          allArrived.countDown();
          try {
            if (!allArrived.await(5, TimeUnit.SECONDS)) {
              return status(503, "{\"code\":\"500000\",\"msg\":\"not all in flight\"}");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String coid = MockKucoin.WsServer.field(r.getBody().utf8(), "clientOid");
          return json(Frames.ack("67" + coid, coid));
        });
    for (int i = 0; i < ORDERS; i++) {
      client.submit(limitBuy("par" + i, "100.0", "0.002"));
    }
    Await.until(
        Duration.ofSeconds(10),
        () -> events.events(OrderAccepted.class).size() == ORDERS,
        () -> "accepted " + events.events(OrderAccepted.class).size() + "; " + events.events());
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(ORDERS);
  }
}
