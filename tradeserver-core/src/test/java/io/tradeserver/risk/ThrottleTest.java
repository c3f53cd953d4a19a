package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Side;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Order-rate token buckets per venue and per strategy, on the test clock. */
class ThrottleTest {

  private static RiskFixture with(RiskConfig config) {
    RiskFixture f = new RiskFixture(config).rich();
    f.book(f.btc, "99.99", "100.01");
    f.book(f.btcB, "99.99", "100.01");
    return f;
  }

  private static String check(RiskFixture f, String strategy) {
    RiskResult r = f.risk.check(f.limit(f.btc, Side.BUY, "100.00", "0.1"), strategy, -1);
    return r.accepted() ? "ok" : r.denial().toString();
  }

  @Test
  void venueBucketEmptiesAndRefillsWithTime() {
    RiskFixture f =
        with(RiskConfig.defaults().withVenue("sim", Limits.builder().ordersPerSecond(2).build()));
    assertThat(check(f, "a")).isEqualTo("ok");
    assertThat(check(f, "b")).isEqualTo("ok");
    assertThat(check(f, "c")).isEqualTo("ORDER_RATE_EXCEEDED venue sim limit=2/s");
    f.clock.advance(Duration.ofMillis(499)); // 0.998 of a token
    assertThat(check(f, "c")).isEqualTo("ORDER_RATE_EXCEEDED venue sim limit=2/s");
    f.clock.advance(Duration.ofMillis(1));
    assertThat(check(f, "c")).isEqualTo("ok");
    assertThat(check(f, "c")).startsWith("ORDER_RATE_EXCEEDED");
    // Another venue has its own (here: none).
    assertThat(f.risk.check(f.limit(f.btcB, Side.BUY, "100.00", "0.1"), "a", -1).accepted())
        .isTrue();
  }

  @Test
  void strategyBucketGivesTheVenueTokenBack() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withVenue("sim", Limits.builder().ordersPerSecond(2).build())
                .withStrategyRate("alpha", 1));
    assertThat(check(f, "alpha")).isEqualTo("ok");
    assertThat(check(f, "alpha")).isEqualTo("ORDER_RATE_EXCEEDED strategy alpha limit=1/s");
    assertThat(check(f, "beta")).isEqualTo("ok"); // the venue still had its second token
    assertThat(check(f, "beta")).isEqualTo("ORDER_RATE_EXCEEDED venue sim limit=2/s");
  }

  @Test
  void wildcardStrategyRateAppliesToEachStrategySeparately() {
    RiskFixture f = with(RiskConfig.defaults().withStrategyRate("*", 1));
    assertThat(check(f, "x")).isEqualTo("ok");
    assertThat(check(f, "x")).isEqualTo("ORDER_RATE_EXCEEDED strategy x limit=1/s");
    assertThat(check(f, "y")).isEqualTo("ok");
  }

  @Test
  void deniedOrdersAndProbesTakeNoToken() {
    RiskFixture f =
        with(RiskConfig.defaults().withVenue("sim", Limits.builder().ordersPerSecond(1).build()));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "200.00", "0.1"))).startsWith("PRICE_OUTSIDE");
    OrderRequest probe = f.limit(f.btc, Side.BUY, "100.00", "0.1");
    assertThat(f.risk.probe(probe, "a", -1).accepted()).isTrue();
    assertThat(f.risk.probe(probe, "a", -1).accepted()).isTrue();
    assertThat(check(f, "a")).isEqualTo("ok");
    assertThat(check(f, "a")).startsWith("ORDER_RATE_EXCEEDED");
  }

  @Test
  void reloadKeepsTokensOfUnchangedRatesAndRebuildsChangedOnes() {
    RiskConfig one =
        RiskConfig.defaults().withVenue("sim", Limits.builder().ordersPerSecond(1).build());
    RiskFixture f = with(one);
    assertThat(check(f, "a")).isEqualTo("ok");
    f.risk.reload(one.withGlobal(Limits.builder().maxOrderQuantity("5").build()));
    assertThat(check(f, "a")).startsWith("ORDER_RATE_EXCEEDED"); // no free burst
    f.risk.reload(one.withVenue("sim", Limits.builder().ordersPerSecond(3).build()));
    assertThat(check(f, "a")).isEqualTo("ok");
    assertThat(check(f, "a")).isEqualTo("ok");
    assertThat(check(f, "a")).isEqualTo("ok");
    assertThat(check(f, "a")).isEqualTo("ORDER_RATE_EXCEEDED venue sim limit=3/s");
  }
}
