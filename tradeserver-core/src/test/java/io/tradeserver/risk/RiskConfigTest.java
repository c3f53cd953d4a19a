package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole configuration is validated at once; a reload swaps it or refuses it whole. */
class RiskConfigTest {

  @Test
  void everyProblemIsReportedTogether() {
    BreakerConfig badBreakers =
        BreakerConfig.builder()
            .dailyLoss("USDT", "-5", TradingState.ACTIVE)
            .rejectRate(101, Duration.ZERO, 0)
            .volatility("0.00001", Duration.ofSeconds(60), TradingState.HALTED)
            .build();
    assertThatThrownBy(
            () ->
                new RiskConfig(
                    Limits.builder().maxOrderNotional("0").priceCollarBps(-1).build(),
                    Map.of("Bin ance", Limits.builder().ordersPerSecond(0).build()),
                    Map.of("sim:BTCUSDT", Limits.builder().maxPosition("-1").build()),
                    Map.of("USDT", new BigDecimal("-1")),
                    null,
                    Map.of("alpha", 0),
                    badBreakers,
                    false,
                    1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid risk config: global: maxOrderNotional must be > 0, was 0;"
                + " global: priceCollarBps must be 0..10000, was -1;"
                + " venue 'Bin ance': not a venue id ([a-z0-9][a-z0-9_-]{0,31});"
                + " venue Bin ance: ordersPerSecond must be 1..1000000, was 0;"
                + " instrument 'sim:BTCUSDT': not a canonical id exchange:BASE-QUOTE;"
                + " instrument sim:BTCUSDT: maxPosition must be >= 0, was -1;"
                + " totalGrossExposure: USDT must be >= 0, was -1;"
                + " strategyOrdersPerSecond: alpha must be a strategy name with a rate"
                + " 1..1000000, was 0;"
                + " breakers: dailyLossTarget must be HALTED or REDUCING, was ACTIVE;"
                + " breakers: dailyLoss needs a quote currency and an amount > 0, was USDT=-5;"
                + " breakers: rejectRatePercent must be 1..100, was 101;"
                + " breakers: rejectRateWindow must be > 0, was PT0S;"
                + " breakers: rejectRateMinOrders must be >= 1, was 0;"
                + " breakers: volatilityMovePercent must be > 0 and <= 1000 with at most 4"
                + " decimals, was 0.00001;"
                + " volatilityLambda must be in (0, 1), was 1.0");
  }

  @Test
  void defaultsAreValid() {
    RiskConfig c = RiskConfig.defaults();
    assertThat(c.global().priceCollarBps()).isEqualTo(500);
    assertThat(c.global().maxSlippageBps()).isEqualTo(50);
    assertThat(c.global().staleAfterMillis()).isEqualTo(5000);
    assertThat(c.breakers()).isEqualTo(BreakerConfig.defaults());
  }

  @Test
  void limitsForVenuesTheEngineDoesNotHaveAreNamed() {
    RiskConfig c =
        RiskConfig.defaults()
            .withVenue("binanse", Limits.builder().maxOpenOrders(3).build())
            .withInstrument("krakn:BTC-USD", Limits.builder().maxPosition("1").build());
    assertThat(c.problemsFor(List.of("sim", "binance")))
        .containsExactly(
            "venue 'binanse' has limits but is not configured (venues: [sim, binance])",
            "instrument krakn:BTC-USD is on venue 'krakn', which is not configured");
  }

  @Test
  void reloadSwapsAtOnceAndRefusesAnInvalidSetKeepingTheOld() {
    RiskFixture f = new RiskFixture().rich();
    f.book(f.btc, "99.99", "100.01");
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "2"));
    RiskConfig tight =
        RiskConfig.defaults().withGlobal(Limits.builder().maxOrderQuantity("1").build());
    f.risk.reload(tight);
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "2")))
        .isEqualTo("ORDER_QUANTITY_ABOVE_LIMIT limit=1 quantity=2.00000");

    RiskConfig typo = tight.withVenue("smi", Limits.builder().maxOrderQuantity("5").build());
    assertThatThrownBy(() -> f.risk.reload(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "risk limits refused: venue 'smi' has limits but is not configured (venues: [sim,"
                + " simb])");
    assertThat(f.risk.config()).isSameAs(tight);
    assertThat(f.events)
        .extracting(e -> e.kind() + " " + e.detail())
        .containsExactly(
            "LIMITS_RELOADED risk limits reloaded",
            "DENIAL limit=1 quantity=2.00000",
            "LIMITS_REFUSED risk limits refused: venue 'smi' has limits but is not configured"
                + " (venues: [sim, simb])");
  }

  @Test
  void reloadListenersSeeTheNewConfiguration() {
    RiskFixture f = new RiskFixture();
    Sizer sizer = new Sizer(0.94);
    f.risk.onReload(c -> sizer.lambda(c.volatilityLambda()));
    RiskConfig next = new RiskConfig(null, null, null, null, null, null, null, true, 0.5);
    f.risk.reload(next);
    assertThat(f.risk.config().flattenOnKill()).isTrue();
    assertThatThrownBy(() -> sizer.lambda(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
