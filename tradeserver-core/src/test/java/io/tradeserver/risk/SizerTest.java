package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Sizing;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.time.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sizing by notional, volatility and equity fraction, with hand-computed expectations. ETH-USDT
 * here has a step of 0.0001.
 */
class SizerTest {
  private final TestClock clock = new TestClock();
  private final Instrument eth =
      Instrument.builder(InstrumentId.of("sim", "ETH-USDT"), "ETHUSDT")
          .tickSize(Price.parse("0.01"))
          .stepSize(Quantity.parse("0.0001"))
          .build();
  private final InstrumentId id = eth.id();
  private final String[] why = new String[1];

  private static Sizing vol(String budget) {
    return new Sizing(Sizing.Mode.VOLATILITY, new BigDecimal(budget));
  }

  /** Mids one second apart: 100, then alternately ×1.01 and ÷1.01, {@code returns} times. */
  private void alternate(Sizer s, String up, String down, int returns) {
    for (int i = 0; i < returns; i++) {
      clock.advance(Duration.ofSeconds(1));
      s.onMid(id, Price.parse(i % 2 == 0 ? up : down), clock.nanos());
    }
  }

  @Test
  void notionalIsDividedByThePriceAndRoundedDownToTheStep() {
    // 1000 / 64000.50 = 0.0156248779...
    assertThat(Sizer.forNotional(eth, new BigDecimal("1000"), Price.parse("64000.50")))
        .hasToString("0.0156");
    Instrument coarse = eth.toBuilder().stepSize(Quantity.parse("0.005")).build();
    assertThat(Sizer.forNotional(coarse, new BigDecimal("1000"), Price.parse("64000.50")))
        .hasToString("0.0150");
  }

  @Test
  void volatilitySizingWithConstantAbsoluteReturns() {
    Sizer s = new Sizer(0.94);
    s.onMid(id, Price.parse("100"), clock.nanos());
    alternate(s, "101", "100", Sizer.MIN_SAMPLES - 1);
    assertThat(s.size(eth, vol("1000"), Price.parse("100"), null, Limits.NONE, why)).isNull();
    assertThat(why[0]).isEqualTo("volatility of sim:ETH-USDT not known yet (needs 20 samples)");
    assertThat(s.lastCode()).isEqualTo(RejectCode.NO_REFERENCE_PRICE);
    alternate(s, "100", "101", 1); // the 20th return
    // Every return is ±ln(1.01), so σ = ln(1.01) = 0.0099503309 whatever λ;
    // 1000 / (100 × 0.0099503309) = 1004.99170807 → 1004.9917
    assertThat(s.sigma(id)).isCloseTo(Math.log(1.01), org.assertj.core.data.Offset.offset(1e-15));
    assertThat(s.size(eth, vol("1000"), Price.parse("100"), null, Limits.NONE, why))
        .hasToString("1004.9917");
  }

  @Test
  void volatilityIsAnEwmaOfOneSecondReturns() {
    Sizer s = new Sizer(0.94);
    s.onMid(id, Price.parse("100"), clock.nanos());
    alternate(s, "101", "100", 10); // ten returns of ±ln(1.01), ending at 100
    clock.advance(Duration.ofMillis(500));
    s.onMid(id, Price.parse("150"), clock.nanos()); // within the second: not a sample
    clock.advance(Duration.ofMillis(500));
    s.onMid(id, Price.parse("102"), clock.nanos());
    alternate(s, "100", "102", 9); // ten returns of ±ln(1.02)
    // σ² = 0.94^10 × ln(1.01)² + (1 − 0.94^10) × ln(1.02)² → σ = 0.0153054607
    // 1000 / (100 × 0.0153054607) = 653.36158282 → 653.3615
    assertThat(s.size(eth, vol("1000"), Price.parse("100"), null, Limits.NONE, why))
        .hasToString("653.3615");
  }

  @Test
  void volatilitySizingIsCappedByTheOrderLimits() {
    Sizer s = new Sizer(0.94);
    s.onMid(id, Price.parse("100"), clock.nanos());
    alternate(s, "101", "100", 20);
    Limits qty = Limits.builder().maxOrderQuantity("500").build();
    assertThat(s.size(eth, vol("1000"), Price.parse("100"), null, qty, why))
        .hasToString("500.0000");
    Limits notional = Limits.builder().maxOrderNotional("20000.005").build();
    assertThat(s.size(eth, vol("1000"), Price.parse("100"), null, notional, why))
        .hasToString("200.0000");
  }

  @Test
  void lambdaCanChangeWhileRunning() {
    Sizer s = new Sizer(0.5);
    s.onMid(id, Price.parse("100"), clock.nanos());
    alternate(s, "101", "100", 20);
    s.lambda(0.9);
    assertThat(s.sigma(id)).isCloseTo(Math.log(1.01), org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void equityFraction() {
    BalanceLedger b = new BalanceLedger();
    b.onBalances(
        "sim",
        List.of(
            new io.tradeserver.model.Balance("USDT", Quantity.parse("10000"), Quantity.parse("0")),
            new io.tradeserver.model.Balance("ETH", Quantity.parse("40"), Quantity.parse("10"))),
        true);
    Sizing twoPercent = new Sizing(Sizing.Mode.EQUITY_FRACTION, new BigDecimal("0.02"));
    // equity 10000 + 50 × 100 = 15000; 2 % = 300 → 3 ETH
    assertThat(new Sizer(0.94).size(eth, twoPercent, Price.parse("100"), b, Limits.NONE, why))
        .hasToString("3.0000");
    // equity 10000 + 50 × 101.01 = 15050.50; 2 % = 301.01; / 101.01 = 2.98000198 → 2.9800
    assertThat(new Sizer(0.94).size(eth, twoPercent, Price.parse("101.01"), b, Limits.NONE, why))
        .hasToString("2.9800");
  }

  @Test
  void equityFractionNeedsBalances() {
    Sizer s = new Sizer(0.94);
    Sizing f = new Sizing(Sizing.Mode.EQUITY_FRACTION, new BigDecimal("0.02"));
    assertThat(s.size(eth, f, Price.parse("100"), new BalanceLedger(), Limits.NONE, why)).isNull();
    assertThat(why[0]).isEqualTo("balances of sim unknown");
    assertThat(s.lastCode()).isEqualTo(RejectCode.INSUFFICIENT_BALANCE);
  }

  @Test
  void aSizeBeyondFixedPointIsRefusedNotWrapped() {
    Sizer s = new Sizer(0.94);
    s.onMid(id, Price.parse("100"), clock.nanos());
    alternate(s, "101", "100", 20);
    assertThat(s.size(eth, vol("1e30"), Price.parse("0.01"), null, Limits.NONE, why)).isNull();
    assertThat(s.lastCode()).isEqualTo(RejectCode.NOTIONAL_OVERFLOW);
    assertThat(why[0]).startsWith("sized quantity 10049917080713");
  }
}
