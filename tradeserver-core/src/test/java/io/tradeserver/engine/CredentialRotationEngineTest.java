package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** After a key rotation the venue's client is rebuilt with the new key and trading goes on. */
class CredentialRotationEngineTest {
  final TestClock clock = new TestClock();
  final RecordingListener rec = new RecordingListener();

  @Test
  void aRotatedKeyReplacesTheVenueClientAndTradingContinues() {
    try (TradeServer ts =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .venue(
                VenueConfig.builder("sim").credentials(Credentials.of("key-1", "secret-1")).build())
            .listener(rec)
            .build()) {
      ts.connect();
      step(ts, 3);
      var rotated = ts.rotateCredentials("sim", Credentials.of("key-2", "secret-2"));
      step(ts, 3);
      assertThat(rotated.join().ok()).isTrue();
      assertThat(rec.of(ConnectionEvent.class))
          .filteredOn(e -> e.channel() == Channel.PRIVATE_STREAM)
          .extracting(ConnectionEvent::state)
          .containsExactly(ConnectionState.CONNECTED, ConnectionState.CONNECTED);
      ts.offer(
          Signal.builder()
              .signalId("after")
              .symbol("BTC-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.01")
              .exchange("sim")
              .build());
      step(ts, 2);
      assertThat(rec.of(Order.class))
          .extracting(Order::status)
          .last()
          .isEqualTo(OrderStatus.FILLED);
      assertThat(ts.rotateCredentials("nope", Credentials.of("k", "s")).join().ok()).isFalse();
    }
  }

  private void step(TradeServer ts, int n) {
    for (int i = 0; i < n; i++) {
      ts.doWork();
      clock.advance(Duration.ofMillis(100));
      ts.doWork();
    }
  }
}
