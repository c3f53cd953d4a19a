package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Side;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks against the local book: reference freshness, price collar, market-order slippage. */
class MarketReferenceTest {
  private RiskFixture f;

  @BeforeEach
  void setUp() {
    f = new RiskFixture().rich();
  }

  @Test
  void noBookMeansNoReferenceAndIsDenied() {
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "1")))
        .isEqualTo("NO_REFERENCE_PRICE no two-sided book for sim:BTC-USDT");
  }

  @Test
  void aOneSidedBookIsNoReference() {
    f.book(f.btc, new String[][] {{"99.99", "1"}}, new String[][] {});
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "1")))
        .isEqualTo("NO_REFERENCE_PRICE no two-sided book for sim:BTC-USDT");
  }

  @Test
  void staleReferenceIsDenied() {
    f.book(f.btc, "99.99", "100.01");
    f.clock.advance(Duration.ofMillis(5_000));
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "1"));
    f.clock.advanceNanos(1);
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "1")))
        .isEqualTo("STALE_MARKET_DATA age=5000.000001ms limit=5000ms");
  }

  @Test
  void stalenessIsConfigurablePerInstrument() {
    f =
        new RiskFixture(
                RiskConfig.defaults()
                    .withInstrument("sim:BTC-USDT", Limits.builder().staleAfterMillis(250).build()))
            .rich();
    f.book(f.btc, "99.99", "100.01");
    f.book(f.eth, "99.99", "100.01");
    f.clock.advance(Duration.ofMillis(251));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "1")))
        .isEqualTo("STALE_MARKET_DATA age=251ms limit=250ms");
    f.pass(f.limit(f.eth, Side.BUY, "100.00", "1"));
  }

  @Test
  void collarAroundMidBothSides() {
    f.book(f.btc, "99.99", "100.01"); // mid 100.00, collar 500 bps
    f.pass(f.limit(f.btc, Side.SELL, "105.00", "1"));
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "105.01", "1")))
        .isEqualTo("PRICE_OUTSIDE_COLLAR price=105.01 mid=100.00 deviationBps=501.00 limitBps=500");
    f.pass(f.limit(f.btc, Side.BUY, "95.00", "1"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "94.99", "1")))
        .isEqualTo("PRICE_OUTSIDE_COLLAR price=94.99 mid=100.00 deviationBps=501.00 limitBps=500");
  }

  @Test
  void collarWithAMidBetweenTicks() {
    f =
        new RiskFixture(
                RiskConfig.defaults().withGlobal(Limits.builder().priceCollarBps(10).build()))
            .rich();
    f.book(f.btc, "100.00", "100.01"); // mid 100.005: 10 bps = 0.100005
    f.pass(f.limit(f.btc, Side.BUY, "100.10", "1"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.11", "1")))
        .isEqualTo("PRICE_OUTSIDE_COLLAR price=100.11 mid=100.005 deviationBps=10.50 limitBps=10");
  }

  /** Asks 100.01 x 1, 100.05 x 1, 100.20 x 5; bids 99.99 x 1, 99.95 x 1; mid 100.00. */
  private void depth() {
    f.book(
        f.btc,
        new String[][] {{"99.99", "1"}, {"99.95", "1"}},
        new String[][] {{"100.01", "1"}, {"100.05", "1"}, {"100.20", "5"}});
  }

  @Test
  void marketOrderWithinSlippageGetsAProtectionPrice() {
    depth();
    // Buying 2 costs VWAP 100.03: 3 bps from mid; the signal allows exactly 3.
    RiskResult r = f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", 3);
    assertThat(r.accepted()).isTrue();
    assertThat(r.order().protectionPrice()).isEqualTo(Price.parse("100.03"));
    assertThat(r.order().type()).isEqualTo(OrderType.MARKET);
    assertThat(r.adjustment()).isEqualTo("protection 100.03");
  }

  @Test
  void marketOrderBeyondSlippageIsDenied() {
    depth();
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", 2).denial().toString())
        .isEqualTo("SLIPPAGE_ABOVE_LIMIT vwap=100.03 mid=100.00 expectedBps=3.00 limitBps=2");
  }

  @Test
  void theStricterOfSignalAndConfigurationWins() {
    f =
        new RiskFixture(
                RiskConfig.defaults().withGlobal(Limits.builder().maxSlippageBps(2).build()))
            .rich();
    depth();
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", 50).denial().toString())
        .isEqualTo("SLIPPAGE_ABOVE_LIMIT vwap=100.03 mid=100.00 expectedBps=3.00 limitBps=2");
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", -1).denial().toString())
        .endsWith("limitBps=2");
    // Without a signal value the configured 2 bps apply; 1 lot at the touch is 1 bps.
    RiskResult r = f.risk.check(f.market(f.btc, Side.BUY, "1"), "s", -1);
    assertThat(r.accepted()).isTrue();
    assertThat(r.order().protectionPrice()).isEqualTo(Price.parse("100.02"));
  }

  @Test
  void sellProtectionIsRoundedUpTowardMid() {
    depth();
    // Selling 2: VWAP 99.97, 3 bps; allowed 7 bps: mid − 0.07 = 99.93.
    RiskResult r = f.risk.check(f.market(f.btc, Side.SELL, "2"), "s", 7);
    assertThat(r.order().protectionPrice()).isEqualTo(Price.parse("99.93"));
    // With a mid between ticks the exact bound 100.005 × (1 − 0.0007) = 99.9349965 rounds up.
    f.book(
        f.btc, new String[][] {{"100.00", "1"}, {"99.95", "1"}}, new String[][] {{"100.01", "1"}});
    RiskResult r2 = f.risk.check(f.market(f.btc, Side.SELL, "1"), "s", 7);
    assertThat(r2.order().protectionPrice()).isEqualTo(Price.parse("99.94"));
  }

  @Test
  void bookTooThinIsInsufficientDepth() {
    depth();
    f.pass(f.market(f.btc, Side.BUY, "7"));
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "7.00001"), "s", 10_000).denial().toString())
        .isEqualTo("INSUFFICIENT_DEPTH quantity=7.00001 depth=7.00000");
  }

  @Test
  void marketOrderNotionalUsesMid() {
    f =
        new RiskFixture(
                RiskConfig.defaults().withGlobal(Limits.builder().maxOrderNotional("300").build()))
            .rich();
    depth();
    f.pass(f.market(f.btc, Side.BUY, "3"));
    OrderRequest o = f.market(f.btc, Side.BUY, "3.00001");
    assertThat(f.deny(o)).isEqualTo("NOTIONAL_ABOVE_LIMIT limit=300 notional=300.001");
  }
}
