package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Order;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
  @Test
  void signalBecomesFilledOrder() {
    TestClock clock = new TestClock();
    RecordingListener rec = new RecordingListener();
    try (TradeServer ts =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .venue(VenueConfig.builder("sim").build())
            .listener(rec)
            .build()) {
      ts.connect();
      for (int i = 0; i < 5; i++) {
        ts.doWork();
        clock.advance(Duration.ofMillis(100));
      }
      ts.doWork();
      OfferResult r =
          ts.offer(
              Signal.builder()
                  .signalId("s1")
                  .symbol("BTC-USDT")
                  .side(Side.BUY)
                  .type(OrderType.MARKET)
                  .quantity("0.01")
                  .exchange("sim")
                  .build());
      assertThat(r).isEqualTo(OfferResult.ACCEPTED);
      for (int i = 0; i < 5; i++) {
        ts.doWork();
      }
      System.out.println(rec.all());
      assertThat(rec.of(Order.class)).extracting(Order::status).map(Enum::name).contains("FILLED");
    }
  }
}
