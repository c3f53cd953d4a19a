package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.config.RoutingSettings;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.testing.SimRig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The configuration file's {@code routing} section: candidates and their order, fees, age. */
class RoutingSettingsTest {
  final SimRig rig = new SimRig();

  @AfterEach
  void close() {
    rig.close();
  }

  void start(RoutingSettings routing) {
    rig.sim("x", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))).priceOffsetBps(-10));
    // y and z: same seed, so the same book to the tick
    rig.sim("y", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))).seed(5));
    rig.sim("z", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))).seed(5));
    rig.builder().routing(routing);
    rig.start();
    rig.btcMid("64000.00");
    rig.step(Duration.ofMillis(100), 2);
  }

  Order buy(String id) {
    rig.rec.clear();
    rig.ts()
        .offer(
            Signal.builder()
                .signalId(id)
                .symbol("BTC-USDT")
                .side(Side.BUY)
                .type(OrderType.MARKET)
                .quantity("0.01")
                .build());
    rig.settle();
    return rig.rec.of(Order.class).isEmpty() ? null : rig.rec.of(Order.class).get(0);
  }

  @Test
  void onlyListedVenuesAreCandidatesAndTiesGoToTheFirstListed() {
    start(new RoutingSettings(true, List.of("z", "y"), true, Duration.ofSeconds(5), 3));
    Order o = buy("t1"); // x is cheaper but not listed; y and z quote the same
    assertThat(o.route()).startsWith("z@").contains("alternatives: y@").doesNotContain("x@");
    String[] prices = o.route().replaceAll("[^@0-9. ]", "").trim().split("\\s+");
    assertThat(prices[0]).as("a tie: " + o.route()).isEqualTo(prices[1]);
  }

  @Test
  void disabledRoutingRefusesSignalsWithoutAVenue() {
    start(new RoutingSettings(false, List.of(), true, Duration.ofSeconds(5), 3));
    assertThat(buy("t4")).isNull();
    assertThat(rig.rec.of(SignalRejected.class))
        .extracting(r -> r.reason() + " " + r.detail())
        .containsExactly("NO_ROUTE routing is disabled (routing.enabled=false): name the exchange");
  }

  @Test
  void theNumberOfRecordedAlternativesIsConfigurable() {
    start(new RoutingSettings(true, List.of(), true, Duration.ofSeconds(5), 1));
    assertThat(buy("t5").route()).matches("x@[0-9.]+ \\(alternatives: [yz]@[0-9.]+\\)");
  }

  @Test
  void withoutFeesTheRawVwapIsCompared() {
    start(new RoutingSettings(true, List.of(), false, Duration.ofSeconds(5), 3));
    Order o = buy("t2");
    BigDecimal quoted = new BigDecimal(o.route().replaceAll("^x@([0-9.]+).*", "$1"));
    assertThat(quoted)
        .isCloseTo(
            new BigDecimal("63936.25"),
            org.assertj.core.api.Assertions.within(
                new BigDecimal("0.011"))); // the ask itself, no 10 bps added
  }

  @Test
  void booksOlderThanMaxBookAgeAreNotPriced() {
    start(new RoutingSettings(true, List.of(), true, Duration.ofMillis(10), 3));
    rig.clock.advance(Duration.ofMillis(50)); // the next books come at the 100 ms step
    assertThat(buy("t3")).isNull();
    assertThat(rig.rec.of(SignalRejected.class))
        .extracting(SignalRejected::reason)
        .containsExactly(RejectCode.NO_ROUTE);
  }
}
